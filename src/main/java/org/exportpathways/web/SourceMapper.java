package org.exportpathways.web;

import java.util.List;

import org.exportpathways.api.model.BuyAmericanExceptionFactsDto;
import org.exportpathways.api.model.BuyAmericanResultDto;
import org.exportpathways.api.model.DatedFactDto;
import org.exportpathways.api.model.DatedStatusDto;
import org.exportpathways.api.model.DpaResultDto;
import org.exportpathways.api.model.EnablerDto;
import org.exportpathways.api.model.QualificationRequestDto;
import org.exportpathways.api.model.QualificationResponseDto;
import org.exportpathways.api.model.RuleStatusDto;
import org.exportpathways.qualification.QualificationRequest;
import org.exportpathways.qualification.QualificationResult;
import org.springframework.stereotype.Component;

/**
 * Maps the source-qualification DTOs to the domain and back. Absent values stay null
 * (unknown).
 */
@Component
public class SourceMapper {

	private final NotificationMapper notifications;

	public SourceMapper(NotificationMapper notifications) {
		this.notifications = notifications;
	}

	public QualificationRequest request(QualificationRequestDto r) {
		BuyAmericanExceptionFactsDto e = (r.getExceptions() != null) ? r.getExceptions()
				: new BuyAmericanExceptionFactsDto();
		return new QualificationRequest((r.getAsOf() != null) ? r.getAsOf() : notifications.today(),
				r.getSupplierCountry(), r.getManufactureCountry(), r.getProductKind().getValue(),
				r.getCommercialOffTheShelf(), r.getChemicalWarfareProtectiveClothing(), r.getDomesticAtEveryStage(),
				r.getContainsSpecialtyMetal(), r.getSpecialtyMetalMeltCountry(), r.getDomesticComponentShare(),
				r.getQualifyingCountryComponentShare(), r.getContractValue(),
				(r.getPlaceOfUse() != null) ? r.getPlaceOfUse().getValue() : null, r.getDeliveryYear(),
				r.getBuyer().getValue(), (r.getDpaTitle() != null) ? r.getDpaTitle().getValue() : null,
				e.getNonavailability(), e.getUnreasonableCost(), e.getPublicInterest(),
				e.getFallbackThresholdConditions());
	}

	public QualificationResponseDto response(QualificationRequest request, QualificationResult r,
			String rulesetVersion) {
		QualificationResult.Status q = r.qualifyingCountry();
		DatedStatusDto qualifying = new DatedStatusDto(q.value(), q.citation()).effectiveFrom(q.effectiveFrom())
			.effectiveTo(q.effectiveTo())
			.note(q.note());
		QualificationResult.BuyAmerican b = r.buyAmerican();
		BuyAmericanResultDto ba = new BuyAmericanResultDto(BuyAmericanResultDto.StatusEnum.fromValue(b.status()),
				b.exceptions()
					.stream()
					.map((e) -> new DatedFactDto(e.code(), e.citation()).detail(e.description()))
					.toList(),
				b.missing())
			.threshold(b.threshold())
			.thresholdCitation(b.thresholdCitation());
		List<EnablerDto> enablers = r.enablers()
			.stream()
			.map((e) -> new EnablerDto(e.name(), e.citation()).detail(e.detail())
				.source(e.source())
				.since(e.effectiveFrom())
				.until(e.effectiveTo()))
			.toList();
		return new QualificationResponseDto(notifications.summaries().qualification(request.supplierCountry(), r),
				qualifying, ba, part(r.berry()), part(r.specialtyMetals()),
				new DpaResultDto(DpaResultDto.StatusEnum.fromValue(r.dpa().status()), r.dpa().conditions(),
						r.dpa().missing()),
				enablers, r.findings().stream().map(NotificationMapper::finding).toList(), rulesetVersion, r.asOf(),
				NotificationMapper.ADVISORY);
	}

	private static RuleStatusDto part(QualificationResult.Part p) {
		return new RuleStatusDto(RuleStatusDto.StatusEnum.fromValue(p.status()), p.missing());
	}

}
