package org.billingcenter.api;

import java.util.function.Consumer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The API reads JSON strictly: a value must already have the type of its field (no "5" for 5, no
 * 1.5 for 1, no 0 for an enum, no "true" for true, no number for a text), a key may appear once,
 * null is no number, nothing may follow the document, and text passes {@link SafeText}. Anything
 * else is a 400 before a handler runs. Unknown properties are ignored (see below).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  JsonMapperBuilderCustomizer strictJsonReading() {
    return builder -> builder
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        // Deliberately tolerant: an unknown property is ignored, so a client built against a later
        // version of the API keeps working; every property we need is validated where it is read.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .withCoercionConfig(LogicalType.Integer, refuse(CoercionInputShape.String, CoercionInputShape.EmptyString,
            CoercionInputShape.Float, CoercionInputShape.Boolean))
        .withCoercionConfig(LogicalType.Float, refuse(CoercionInputShape.String, CoercionInputShape.EmptyString,
            CoercionInputShape.Boolean))
        .withCoercionConfig(LogicalType.Boolean, refuse(CoercionInputShape.String, CoercionInputShape.EmptyString,
            CoercionInputShape.Integer, CoercionInputShape.Float))
        .withCoercionConfig(LogicalType.Textual, refuse(CoercionInputShape.Integer, CoercionInputShape.Float,
            CoercionInputShape.Boolean))
        .withCoercionConfig(LogicalType.Enum, refuse(CoercionInputShape.Integer, CoercionInputShape.Float,
            CoercionInputShape.EmptyString))
        .addModule(new SimpleModule("safe-text").addDeserializer(String.class, new SafeTextDeserializer()));
  }

  private static Consumer<MutableCoercionConfig> refuse(CoercionInputShape... shapes) {
    return config -> {
      for (CoercionInputShape shape : shapes) {
        config.setCoercion(shape, CoercionAction.Fail);
      }
    };
  }

  /** Jackson's own string reading, then the {@link SafeText} rule. */
  static final class SafeTextDeserializer extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String text = super.deserialize(parser, context);
      if (text != null && !SafeText.isSafe(text)) {
        throw new UnsafeText(parser);
      }
      return text;
    }
  }

  /** A JSON string holding a NUL or a broken surrogate pair: answered 400 INVALID_TEXT. */
  static final class UnsafeText extends MismatchedInputException {
    UnsafeText(JsonParser parser) {
      super(parser, "Text with a NUL character or an unpaired surrogate", String.class);
    }
  }
}
