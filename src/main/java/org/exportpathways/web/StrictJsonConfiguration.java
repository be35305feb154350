package org.exportpathways.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;

/**
 * Nothing accepted is lost or guessed: a null inside a list, an empty string for a date,
 * number or enum, a number sent as a string (or a string id sent as a number), a whole
 * number for a boolean, a fraction for a whole number, a date sent as a number or a
 * date-time or with more than four digits of year, a duplicated key, and a duplicated
 * item of a list whose items must be unique are refused (400 naming the field) instead of
 * being read leniently. The reader also keeps the {@link RequestLimits}: nesting depth,
 * string and number length, digits of a number.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

	/**
	 * The builder of the application's JSON mapper (Spring Boot's, with the stream read
	 * constraints of the limits set on its factory, which a customizer cannot change).
	 */
	@Bean
	@Scope("prototype")
	JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers,
			RequestLimits limits) {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(limits.jsonDepth())
				.maxStringLength(limits.stringLength())
				.maxNumberLength(limits.numberLength())
				.build())
			.build();
		JsonMapper.Builder builder = JsonMapper.builder(factory);
		customizers.orderedStream().forEach((c) -> c.customize(builder));
		return builder;
	}

	@Bean
	JsonMapperBuilderCustomizer strictInput(RequestLimits limits) {
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
			// "emergency": 2 is not a boolean
			builder.withCoercionConfig(LogicalType.Boolean,
					(c) -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
			// "id": 7 is not a string
			builder.withCoercionConfig(LogicalType.Textual,
					(c) -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
			SimpleModule module = new SimpleModule("strict-input");
			module.addDeserializer(BigDecimal.class, new BoundedDecimal(limits));
			module.addDeserializer(LocalDate.class, new FourDigitYearDate());
			module.setDeserializerModifier(new UniqueItemsModifier());
			builder.addModule(module);
		};
	}

	/**
	 * A number with at most {@link RequestLimits#integerDigits()} digits before the point
	 * and {@link RequestLimits#decimals()} after it (trailing zeros aside), checked on
	 * the parsed value before anything formats or compares it: {@code 1e100000000} is
	 * refused at once.
	 */
	static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {

		private final RequestLimits limits;

		BoundedDecimal(RequestLimits limits) {
			this.limits = limits;
		}

		@Override
		public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
			BigDecimal value = super.deserialize(p, ctxt);
			if (value == null || value.signum() == 0) {
				return value;
			}
			long integerDigits = (long) value.precision() - value.scale();
			if (integerDigits > limits.integerDigits()) {
				throw new LimitedInputException(p,
						"a number with at most " + limits.integerDigits() + " digits before the decimal point",
						"exportpathways.limits.integer-digits");
			}
			if (value.scale() > limits.decimals() && value.stripTrailingZeros().scale() > limits.decimals()) {
				throw new LimitedInputException(p,
						"a number with at most " + limits.decimals() + " digits after the decimal point",
						"exportpathways.limits.decimals");
			}
			return value;
		}

	}

	/** {@code yyyy-mm-dd}: four digits of year, a day that exists. */
	static final class FourDigitYearDate extends StdDeserializer<LocalDate> {

		private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

		private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
			.withResolverStyle(ResolverStyle.STRICT);

		FourDigitYearDate() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.currentToken() != JsonToken.VALUE_STRING) {
				return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
			}
			String text = p.getString();
			if (SHAPE.matcher(text).matches()) {
				try {
					return LocalDate.parse(text, STRICT);
				}
				catch (DateTimeParseException ex) {
					// refused below
				}
			}
			return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a yyyy-mm-dd date");
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.DateTime;
		}

	}

	/**
	 * Every {@code Set} (a list whose items the contract says are unique) refuses a
	 * duplicate.
	 */
	static final class UniqueItemsModifier extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
				BeanDescription.Supplier beanDesc, ValueDeserializer<?> deserializer) {
			if (Set.class.isAssignableFrom(type.getRawClass())) {
				return new UniqueItems(type,
						config.getTypeFactory().constructCollectionType(List.class, type.getContentType()));
			}
			return deserializer;
		}

	}

	static final class UniqueItems extends StdDeserializer<Set<Object>> {

		private final JavaType listType;

		UniqueItems(JavaType setType, JavaType listType) {
			super(setType);
			this.listType = listType;
		}

		@Override
		public Set<Object> deserialize(JsonParser p, DeserializationContext ctxt) {
			List<Object> list = ctxt.readValue(p, listType);
			for (int i = 0; i < list.size(); i++) {
				if (list.get(i) == null) {
					LimitedInputException ex = new LimitedInputException(p,
							"null is not allowed here (leave the field out when it is unknown)", null);
					ex.prependPath(list, i);
					throw ex;
				}
			}
			Set<Object> set = new LinkedHashSet<>(list);
			if (set.size() < list.size()) {
				throw new LimitedInputException(p, "items must be unique: " + (list.size() - set.size())
						+ " duplicated (the contract says uniqueItems)", null);
			}
			return set;
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Collection;
		}

	}

}
