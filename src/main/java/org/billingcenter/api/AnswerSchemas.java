package org.billingcenter.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Every property of an answer body is always written (null included: Jackson's default), so in a
 * schema used only in answers every property is required; a client generator then makes them
 * non-optional, and nullable only where the record says so. Schemas that also describe request
 * bodies keep the request's rules.
 */
final class AnswerSchemas implements OpenApiCustomizer {

  @Override
  public void customise(OpenAPI api) {
    if (api.getPaths() == null || api.getComponents() == null || api.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    List<Operation> operations = api.getPaths().values().stream().flatMap(p -> p.readOperations().stream()).toList();
    Set<String> requests = reachable(schemas, operations.stream()
        .filter(o -> o.getRequestBody() != null).map(o -> o.getRequestBody().getContent()));
    Set<String> answers = reachable(schemas, operations.stream()
        .filter(o -> o.getResponses() != null)
        .flatMap(o -> o.getResponses().entrySet().stream())
        .filter(r -> r.getKey().startsWith("2"))
        .map(r -> r.getValue().getContent()));
    answers.removeAll(requests);
    answers.forEach(name -> {
      Schema<?> schema = schemas.get(name);
      if (schema != null && schema.getProperties() != null) {
        schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
      }
    });
  }

  /** The names of the component schemas the contents refer to, directly or through others. */
  private static Set<String> reachable(Map<String, Schema> schemas, Stream<Content> contents) {
    Set<String> names = new HashSet<>();
    Deque<Schema<?>> todo = new ArrayDeque<>();
    contents.filter(c -> c != null).flatMap(c -> c.values().stream())
        .filter(m -> m.getSchema() != null).forEach(m -> todo.add(m.getSchema()));
    while (!todo.isEmpty()) {
      Schema<?> schema = todo.pop();
      if (schema.get$ref() != null) {
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        if (names.add(name) && schemas.get(name) != null) {
          todo.add(schemas.get(name));
        }
        continue;
      }
      if (schema.getProperties() != null) {
        schema.getProperties().values().forEach(todo::add);
      }
      if (schema.getItems() != null) {
        todo.add(schema.getItems());
      }
      Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
          .filter(list -> list != null).flatMap(List::stream).forEach(todo::add);
    }
    return names;
  }
}
