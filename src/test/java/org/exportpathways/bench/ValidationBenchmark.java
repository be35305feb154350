package org.exportpathways.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.exportpathways.api.model.ChannelDto;
import org.exportpathways.api.model.NamedScenarioDto;
import org.exportpathways.api.model.SimulationRequestDto;
import org.exportpathways.api.model.SimulationSaleDto;
import org.exportpathways.api.model.UsmlCategoryDto;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bean Validation of a simulation request of 2,000 to 20,000 sales, as the web layer
 * validates the JSON body: linear in the sales since the generated DTOs cascade only into
 * object schemas (api/templates/README.md). Before that change 2k / 20k sales took 1.6 s
 * / 46 s. Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.args=Validation}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g" })
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValidationBenchmark {

	@Param({ "2000", "5000", "10000", "20000" })
	int sales;

	ValidatorFactory factory;

	Validator validator;

	SimulationRequestDto request;

	@Setup
	public void setUp() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
		request = request(sales);
	}

	@TearDown
	public void tearDown() {
		factory.close();
	}

	/**
	 * A valid request of {@code n} sales (every enum shared between sales, as Jackson
	 * reads them).
	 */
	public static SimulationRequestDto request(int n) {
		List<SimulationSaleDto> list = new ArrayList<>(n);
		String[] countries = { "DE", "IN", "JP", "EG" };
		for (int i = 0; i < n; i++) {
			SimulationSaleDto sale = new SimulationSaleDto().id("s" + i)
				.channel(ChannelDto.FMS)
				.recipient(countries[i % countries.length])
				.asOf(LocalDate.of(2026, 11, 25))
				.majorDefenseEquipmentValue(BigDecimal.valueOf(1_000_000L * (i % 40)))
				.totalValue(BigDecimal.valueOf(3_000_000L * (i % 40)))
				.designAndConstructionValue(BigDecimal.ZERO);
			Set<UsmlCategoryDto> categories = new LinkedHashSet<>(List.of(UsmlCategoryDto.IV, UsmlCategoryDto.VIII));
			sale.setUsmlCategories(categories);
			sale.setNewSalesTerritory(new LinkedHashSet<>());
			list.add(sale);
		}
		return new SimulationRequestDto().sales(list)
			.scenarios(List.of(new NamedScenarioDto().name("law").kind(NamedScenarioDto.KindEnum.STATUTORY)));
	}

	@Benchmark
	public int validate() {
		return validator.validate(request).size();
	}

}
