package org.exportpathways.web;

import java.time.LocalDate;

import org.exportpathways.api.model.JurisdictionDeterminationDto;
import org.exportpathways.api.model.JurisdictionFactsDto;
import org.exportpathways.api.model.JurisdictionOutcomeDto;
import org.exportpathways.api.model.JurisdictionQuestionDto;
import org.exportpathways.api.model.JurisdictionRequestDto;
import org.exportpathways.api.model.UsmlCategoryDto;
import org.exportpathways.jurisdiction.Answers;
import org.exportpathways.jurisdiction.JurisdictionRequest;
import org.exportpathways.jurisdiction.JurisdictionResult;
import org.exportpathways.jurisdiction.Question;
import org.springframework.stereotype.Component;

/**
 * Maps the jurisdiction-determination DTOs to the domain and back. An absent answer stays
 * null (unknown, never "no").
 */
@Component
public class JurisdictionMapper {

	private final NotificationMapper notifications;

	public JurisdictionMapper(NotificationMapper notifications) {
		this.notifications = notifications;
	}

	public LocalDate today() {
		return notifications.today();
	}

	public JurisdictionRequest request(JurisdictionRequestDto r) {
		return new JurisdictionRequest((r.getAsOf() != null) ? r.getAsOf() : today(), r.getDescription(),
				answers(r.getFacts()));
	}

	/**
	 * The answers of a facts object (also a screening item's {@code jurisdictionFacts}).
	 */
	public static Answers answers(JurisdictionFactsDto f) {
		if (f == null) {
			return Answers.NONE;
		}
		return new Answers(f.getCjDetermination(),
				(f.getCjJurisdiction() != null) ? f.getCjJurisdiction().getValue() : null, f.getCjSuperseded(),
				f.getUsmlEnumerated(), f.getUsmlCatchAll(), f.getItarPeculiarlyResponsible(), f.getPartOrSoftware(),
				f.getItarForUseWithDefenseArticle(), f.getItarFastener(), f.getItarSameAsNonUsmlItem(),
				f.getItarDevelopedForBoth(), f.getItarGeneralPurpose(),
				(f.getUsmlCategory() != null) ? f.getUsmlCategory().getValue() : null, f.getUsmlParagraph(),
				f.getSeries600Enumerated(), f.getSeries600CatchAll(), f.getEarPeculiarlyResponsible600(),
				f.getEarForUseWith600(), f.getEarPriorClassification(), f.getEarFastener(),
				f.getEarSameAsUncontrolledItem(), f.getEarDevelopedForBoth(), f.getEarGeneralPurpose(),
				f.getEarDevelopedForUncontrolled(), f.getSeries600Eccn(), f.getCclEnumerated(),
				f.getCclSpeciallyDesigned(), f.getEarPeculiarlyResponsibleCcl(), f.getEarForUseWithCcl(),
				f.getCclEccn());
	}

	public static JurisdictionDeterminationDto response(JurisdictionResult r, String rulesetVersion) {
		JurisdictionDeterminationDto dto = new JurisdictionDeterminationDto(
				JurisdictionOutcomeDto.fromValue(r.outcome().name()), r.summary(),
				r.findings().stream().map(NotificationMapper::finding).toList(), rulesetVersion, r.asOf(),
				NotificationMapper.ADVISORY)
			.usmlParagraph(r.usmlParagraph())
			.eccn(r.eccn())
			.description(r.description());
		if (r.jurisdiction() != null) {
			dto.jurisdiction(JurisdictionDeterminationDto.JurisdictionEnum.fromValue(r.jurisdiction()));
		}
		if (r.usmlCategory() != null) {
			dto.usmlCategory(UsmlCategoryDto.fromValue(r.usmlCategory()));
		}
		if (r.nextQuestion() != null) {
			dto.nextQuestion(question(r.nextQuestion()));
		}
		return dto;
	}

	public static JurisdictionQuestionDto question(Question q) {
		return new JurisdictionQuestionDto(q.id(), q.order(), q.text(), q.citation(), q.field()).answer(q.answer());
	}

}
