package org.exportpathways.web;

import java.time.LocalDate;
import java.util.List;

import org.exportpathways.api.model.CountryProfileDto;
import org.exportpathways.api.model.CountryProfileItar1261Dto;
import org.exportpathways.api.model.DatedFactDto;
import org.exportpathways.api.model.EarNotificationDto;
import org.exportpathways.api.model.EndUserDto;
import org.exportpathways.api.model.ExporterDto;
import org.exportpathways.api.model.FindingDto;
import org.exportpathways.api.model.ItemResultDto;
import org.exportpathways.api.model.LicenseExceptionDto;
import org.exportpathways.api.model.SaleValuesDto;
import org.exportpathways.api.model.ScreeningItemDto;
import org.exportpathways.api.model.ScreeningOutcomeDto;
import org.exportpathways.api.model.ScreeningRequestDto;
import org.exportpathways.api.model.ScreeningResponseDto;
import org.exportpathways.api.model.UsmlEntryDto;
import org.exportpathways.domain.StableSets;
import org.exportpathways.screening.CountryProfile;
import org.exportpathways.screening.ScreeningOutcome;
import org.exportpathways.screening.ScreeningRequest;
import org.exportpathways.screening.ScreeningResult;
import org.springframework.stereotype.Component;

/**
 * Maps the screening and country-profile DTOs to the domain and back. Absent values stay
 * null (unknown).
 */
@Component
public class ScreeningMapper {

	private final NotificationMapper notifications;

	public ScreeningMapper(NotificationMapper notifications) {
		this.notifications = notifications;
	}

	public LocalDate today() {
		return notifications.today();
	}

	public ScreeningRequest request(ScreeningRequestDto r) {
		EndUserDto eu = r.getEndUser();
		ExporterDto ex = r.getExporter();
		SaleValuesDto sale = r.getSale();
		return new ScreeningRequest((r.getAsOf() != null) ? r.getAsOf() : today(), r.getDestination(),
				r.getChannel().getValue(),
				(eu == null) ? null
						: new ScreeningRequest.EndUser((eu.getType() != null) ? eu.getType().getValue() : null,
								eu.getAukusAuthorizedUser(), eu.getCanadianRegistered(),
								eu.getTreatyApprovedCommunity(), eu.getArmedForcesSupport(), eu.getSecurityForces(),
								(eu.getDualNationalities() != null) ? StableSets.sorted(eu.getDualNationalities())
										: null,
								eu.getUsGovernmentOrNatoAgency()),
				(ex == null) ? null
						: new ScreeningRequest.Exporter(ex.getDdtcRegistered(), ex.getAukusAuthorizedUser()),
				r.getTemporary(), r.getManufactureAbroad(), r.getPriorLicensedExport(),
				r.getItems().stream().map(ScreeningMapper::item).toList(),
				(sale == null) ? null : new ScreeningRequest.Sale(sale.getMajorDefenseEquipmentValue(),
						sale.getTotalValue(), sale.getDesignAndConstructionValue(),
						(sale.getNewSalesTerritory() != null) ? StableSets.sorted(sale.getNewSalesTerritory()) : null));
	}

	private static ScreeningRequest.Item item(ScreeningItemDto i) {
		UsmlEntryDto u = i.getUsml();
		return new ScreeningRequest.Item(i.getId(),
				(u == null) ? null
						: new ScreeningRequest.Usml(u.getCategory().getValue(), u.getParagraph(), u.getSme(),
								u.getClassified(), (u.getKind() != null) ? u.getKind().getValue() : null,
								u.getExcludedTechnologyList(), u.getSupplementNo1Excluded()),
				i.getEccn(), i.getEar99(), i.getValue(), i.getListedInPart746Supplement(),
				(i.getJurisdictionFacts() != null) ? JurisdictionMapper.answers(i.getJurisdictionFacts()) : null);
	}

	/**
	 * The screening of request {@code q}. A prohibited transfer carries no notification
	 * block: section 36 concerns licenses and approvals to be issued, and a policy of
	 * denial leaves none (the summary says so).
	 */
	public ScreeningResponseDto response(ScreeningRequest q, ScreeningResult r, String rulesetVersion) {
		ScreeningResponseDto dto = new ScreeningResponseDto(notifications.summaries().screening(q, r),
				ScreeningOutcomeDto.fromValue(r.outcome().name()),
				r.items().stream().map((i) -> item(i, rulesetVersion)).toList(),
				r.findings().stream().map(NotificationMapper::finding).toList(), rulesetVersion, r.asOf(),
				NotificationMapper.ADVISORY);
		if (r.notification() != null && r.outcome() != ScreeningOutcome.PROHIBITED) {
			dto.notification(notifications.decision(q.channel(), q.destination(), r.notification(), rulesetVersion));
		}
		if (r.earNotification() != null) {
			ScreeningResult.EarNotice n = r.earNotification();
			dto.earNotification(new EarNotificationDto(EarNotificationDto.OutcomeEnum.fromValue(n.outcome()),
					n.citation(), n.missing())
				.firearmsValue(n.firearmsValue())
				.threshold(n.threshold()));
		}
		return dto;
	}

	private static ItemResultDto item(ScreeningResult.ItemResult i, String rulesetVersion) {
		List<LicenseExceptionDto> exceptions = i.licenseExceptions()
			.stream()
			.map((c) -> new LicenseExceptionDto(c.code(), c.citation(), c.conditions()))
			.toList();
		List<FindingDto> findings = i.findings().stream().map(NotificationMapper::finding).toList();
		return new ItemResultDto(i.id(), ItemResultDto.JurisdictionEnum.fromValue(i.jurisdiction()),
				ScreeningOutcomeDto.fromValue(i.outcome().name()), exceptions, i.missing(), findings)
			.licenseType(i.licenseType())
			.exemption(i.exemption())
			.determination((i.determination() != null) ? JurisdictionMapper.response(i.determination(), rulesetVersion)
					: null);
	}

	public CountryProfileDto profile(CountryProfile p, String rulesetVersion) {
		CountryProfileItar1261Dto itar = new CountryProfileItar1261Dto(
				CountryProfileItar1261Dto.StatusEnum.fromValue(p.itar1261Status()));
		if (p.itar1261() != null) {
			itar.fact(fact(p.itar1261()));
		}
		return new CountryProfileDto(notifications.summaries().profile(p), p.code(), p.name(), p.asOf(), itar,
				facts(p.countryGroups()), facts(p.chartColumns()), facts(p.embargoes()), facts(p.itarExemptions()),
				facts(p.memberships()), rulesetVersion, NotificationMapper.ADVISORY);
	}

	private static List<DatedFactDto> facts(List<CountryProfile.Fact> facts) {
		return facts.stream().map(ScreeningMapper::fact).toList();
	}

	private static DatedFactDto fact(CountryProfile.Fact f) {
		return new DatedFactDto(f.name(), f.citation()).detail(f.detail())
			.source(f.source())
			.effectiveFrom(f.effectiveFrom())
			.effectiveTo(f.effectiveTo());
	}

}
