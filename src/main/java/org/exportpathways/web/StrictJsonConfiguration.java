package org.exportpathways.web;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Nothing accepted is lost or guessed: a null inside a list, an empty string for a date,
 * number or enum, a number sent as a string, a fraction for a whole number, a date sent
 * as a number or a date-time, and a duplicated key are refused (400 naming the field)
 * instead of being read leniently.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictInput() {
		return (builder) -> {
			builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
			// dates are yyyy-mm-dd strings: no epoch-day numbers, no date-times cut down
			// to a date
			builder.defaultLeniency(false);
			builder.withCoercionConfig(LogicalType.Integer,
					(c) -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
			for (Class<?> type : List.of(Collection.class, List.class, Set.class)) {
				builder.withConfigOverride(type,
						(o) -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)));
			}
			builder
				.withCoercionConfigDefaults((c) -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
			for (LogicalType t : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
				builder.withCoercionConfig(t, (c) -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
			}
		};
	}

}
