package org.exportpathways.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.exportpathways.api.ParametersApi;
import org.exportpathways.api.model.ParameterCatalogDto;
import org.exportpathways.api.model.ParameterInfoDto;
import org.exportpathways.api.model.ParameterReferenceDto;
import org.exportpathways.api.model.ParameterValueDto;
import org.exportpathways.api.model.TableInfoDto;
import org.exportpathways.bundle.DatedRecord;
import org.exportpathways.bundle.Pack;
import org.exportpathways.bundle.Parameter;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.rollout.ActiveBundle;
import org.exportpathways.rollout.Snapshot;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Implements the generated parameters API: the active bundle's dated parameters and
 * reference tables with their dates and citations, read-only (the console's parameter
 * browser). Nothing here decides.
 */
@RestController
public class ParametersController implements ParametersApi {

	private final ActiveBundle bundles;

	private final ScreeningMapper dates;

	public ParametersController(ActiveBundle bundles, ScreeningMapper dates) {
		this.bundles = bundles;
		this.dates = dates;
	}

	@Override
	public ResponseEntity<ParameterCatalogDto> listParameters(LocalDate asOf) {
		Snapshot bundle = bundles.current();
		LocalDate date = (asOf != null) ? Dates.fourDigitYear(asOf, "asOf") : dates.today();
		ReferenceData data = bundle.data();
		ParameterCatalogDto catalog = new ParameterCatalogDto(bundle.versionValue(), date, List.of(), List.of());
		catalog.setParameters(data.parameters()
			.values()
			.stream()
			.sorted(Comparator.comparing(Parameter::id))
			.map((p) -> parameter(p, date))
			.toList());
		catalog.setTables(data.tableNames().stream().map((t) -> table(data, t, date)).toList());
		return ResponseEntity.ok(catalog);
	}

	private static ParameterInfoDto parameter(Parameter p, LocalDate date) {
		ParameterInfoDto dto = new ParameterInfoDto(p.id(), p.id().substring(0, p.id().indexOf('/')), p.description(),
				p.citation(),
				p.references().stream().map((r) -> new ParameterReferenceDto(r.title()).href(r.href())).toList(),
				p.values()
					.stream()
					.map((v) -> new ParameterValueDto(v.effectiveFrom()).value(v.value())
						.inForceBefore(v.inForceBefore() ? Boolean.TRUE : null))
					.toList());
		dto.setUnit(p.unit());
		p.at(date).ifPresent((v) -> {
			dto.setValue(v.value());
			dto.setEffectiveFrom(v.since());
		});
		dto.setEffectiveTo(p.endOf(date));
		return dto;
	}

	private static TableInfoDto table(ReferenceData data, String name, LocalDate date) {
		List<DatedRecord> rows = data.rows(name);
		Set<String> citations = new LinkedHashSet<>();
		Set<String> sources = new LinkedHashSet<>();
		for (DatedRecord r : rows) {
			if (r.citation() != null && !r.citation().isBlank()) {
				citations.add(r.citation());
			}
			if (r.source() != null && !r.source().isBlank()) {
				sources.add(r.source());
			}
		}
		TableInfoDto dto = new TableInfoDto(name, rows.size(),
				(int) rows.stream().filter((r) -> r.inForce(date)).count(), List.copyOf(citations),
				List.copyOf(sources));
		dto.setPacks(data.packs().stream().filter((p) -> p.tables().contains(name)).map(Pack::name).toList());
		return dto;
	}

}
