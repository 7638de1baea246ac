package org.billingcenter.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the generated schema of a record (our request and response bodies) leaves out or gets
 * wrong, put right from the record's own annotations so document and server cannot disagree:
 * <ul>
 *   <li>a component typed {@code @Nullable} is {@code nullable} (and only those are);
 *   <li>{@code @NotBlank}/{@code @NotEmpty} mean at least one character or item (the generator
 *       lets a {@code @Size(max)} beside them reset the minimum to 0);
 *   <li>{@code @Pattern} must match the whole value, as Bean Validation does (a JSON Schema
 *       pattern matches anywhere in the value unless anchored);
 *   <li>a primitive whose constraints refuse its default 0 is required (a missing number is read
 *       as 0 and refused).
 * </ul>
 * Two records with one simple name are refused: the document would describe both with one schema.
 */
final class RecordSchemaRules implements ModelConverter {

  /** Schema names are simple class names: two records of one name would silently share a schema. */
  private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

  @Override
  public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    if (!chain.hasNext()) {
      return null;
    }
    Schema<?> schema = chain.next().resolve(type, context, chain);
    Class<?> raw = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
    if (schema != null && raw != null && raw.isRecord()) {
      Schema<?> model = schema.get$ref() == null ? schema : context.getDefinedModels().get(name(schema.get$ref()));
      if (model != null && model.getName() != null) {
        Class<?> earlier = named.putIfAbsent(model.getName(), raw);
        if (earlier != null && earlier != raw) {
          throw new IllegalStateException("Two records are both the schema " + model.getName() + ": "
              + earlier.getName() + " and " + raw.getName() + "; rename one");
        }
      }
      if (model != null && model.getProperties() != null) {
        apply(raw, model);
      }
    }
    return schema;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void apply(Class<?> record, Schema model) {
    Map<String, Schema> properties = model.getProperties();
    for (RecordComponent component : record.getRecordComponents()) {
      Schema property = properties.get(component.getName());
      if (property == null) {
        continue;
      }
      AnnotatedElement declared = component.getAccessor();
      if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
        properties.put(component.getName(), nullable(property));
      }
      if (declared.isAnnotationPresent(NotBlank.class) || declared.isAnnotationPresent(NotEmpty.class)) {
        atLeastOne(property);
      }
      Pattern pattern = declared.getAnnotation(Pattern.class);
      if (pattern != null && property.getPattern() != null) {
        property.setPattern("^(?:" + pattern.regexp() + ")$");
      }
      if (component.getType().isPrimitive() && refusesZero(declared)) {
        required(model, component.getName());
      }
    }
  }

  /**
   * In OpenAPI 3.0 a sibling of {@code $ref} is ignored and {@code nullable} needs a {@code type}
   * (3.0.3), so a nullable reference is "the referenced schema, or null": {@code anyOf} with a
   * schema that admits only null, the form client generators read back as a nullable reference.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema nullable(Schema property) {
    if (property.get$ref() != null) {
      Schema onlyNull = new Schema<>().type("object").nullable(true);
      onlyNull.setEnum(java.util.Arrays.asList((Object) null));
      return new Schema<>().anyOf(List.of(property, onlyNull));
    }
    property.setNullable(true);
    return property;
  }

  @SuppressWarnings("rawtypes")
  private static void atLeastOne(Schema property) {
    if ("array".equals(property.getType())) {
      property.setMinItems(Math.max(1, property.getMinItems() == null ? 0 : property.getMinItems()));
    } else if ("string".equals(property.getType())) {
      property.setMinLength(Math.max(1, property.getMinLength() == null ? 0 : property.getMinLength()));
    }
  }

  private static boolean refusesZero(AnnotatedElement declared) {
    Min min = declared.getAnnotation(Min.class);
    Max max = declared.getAnnotation(Max.class);
    return (min != null && min.value() > 0)
        || (max != null && max.value() < 0)
        || present(declared, Positive.class)
        || present(declared, Negative.class);
  }

  private static boolean present(AnnotatedElement element, Class<? extends Annotation> annotation) {
    return element.isAnnotationPresent(annotation);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void required(Schema model, String name) {
    List<String> required = model.getRequired() == null ? new ArrayList<>() : new ArrayList<>(model.getRequired());
    if (!required.contains(name)) {
      required.add(name);
      required.sort(null);
      model.setRequired(required);
    }
  }

  private static String name(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
