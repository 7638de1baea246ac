package org.billingcenter.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Every operation lists the problem+json errors it can answer, decided once from its shape (a body,
 * path ids, query parameters, a write) rather than annotated on each handler, so new endpoints and
 * new parameters get their errors without edits. POST and DELETE document {@code Idempotency-Key}.
 */
final class ProblemResponses implements OpenApiCustomizer {

  static final String PROBLEM = "Problem";
  static final String FIELD_ERROR = "FieldError";
  static final String PROBLEM_JSON = "application/problem+json";
  static final String RETRY_AFTER = "Retry-After";
  private static final int KEY_MAX_LENGTH = 200;

  /** RFC 9457 problem details with our stable {@code code}; extension members may follow. */
  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details; detail is in the language of Accept-Language.")
        .addProperty("type", new StringSchema().description("A URI reference naming the problem: /problems/<code>."))
        .addProperty("title", new StringSchema().description("The HTTP status in words, localised."))
        .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
        .addProperty("detail", new StringSchema().description("What went wrong, localised."))
        .addProperty("instance", new StringSchema().description("The path of the request."))
        .addProperty("code", new StringSchema().pattern("^[A-Z][A-Z0-9_]*$").description("Stable, machine-readable."))
        .addProperty("errors", new ArraySchema()
            .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
            .description("For VALIDATION_FAILED: one entry per refused field; for MEMBER_IMPORT_INVALID: one per bad line of the file."))
        .required(List.of("type", "title", "status", "detail", "instance", "code"))
        // RFC 9457 allows extension members (e.g. what a stopped billing run applied).
        .additionalProperties(true);
  }

  private static Schema<?> fieldErrorSchema() {
    return new ObjectSchema()
        .addProperty("field", new StringSchema().description("The property path, e.g. members[0].email."))
        .addProperty("message", new StringSchema().description("Why, localised."))
        .addProperty("line", new IntegerSchema().minimum(java.math.BigDecimal.ONE)
            .description("For an uploaded file (a members CSV import): the line in the file; 1 is the header."))
        .addProperty("code", new StringSchema().pattern("^[A-Z][A-Z0-9_]*$")
            .description("For an uploaded file: what is wrong, as a stable code (e.g. BAD_EMAIL)."))
        .required(List.of("field", "message"));
  }

  @Override
  public void customise(OpenAPI api) {
    if (api.getPaths() == null) {
      return;
    }
    // Added here, after springdoc has pruned the components no handler refers to.
    api.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas(FIELD_ERROR, fieldErrorSchema());
    api.getPaths().values().forEach(item -> item.readOperationsMap().forEach(this::describe));
  }

  private void describe(PathItem.HttpMethod method, Operation operation) {
    List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
    boolean body = operation.getRequestBody() != null;
    boolean pathIds = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
    boolean query = parameters.stream().anyMatch(p -> "query".equals(p.getIn()));
    boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    boolean idempotent = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.DELETE;

    Map<String, ApiResponse> errors = new TreeMap<>();
    errors.put("400", problem("Malformed: unreadable JSON, a wrong type, a bad parameter or header."));
    errors.put("401", problem("Not signed in: missing or wrong HTTP Basic credentials.")
        .addHeaderObject("WWW-Authenticate", header("Basic realm=\"Billing Center\"")));
    errors.put("403", problem("The account's roles do not allow this."));
    if (pathIds || body) {
      errors.put("404", problem("Not found in the signed-in organisation (an id in the path or the body)."));
    }
    errors.put("406", problem("The Accept header excludes application/json."));
    if (writes) {
      errors.put("409", problem("The current state does not allow it, or the same Idempotency-Key is still running."));
    }
    if (writes || body || query) {
      errors.put("422", problem("Refused by validation (see errors) or a business rule; or an Idempotency-Key reused for another request."));
    }
    if (body) {
      errors.put("413", problem("The body is larger than the limit."));
      errors.put("415", problem("The body is not application/json."));
    }
    errors.put("429", problem("Too many sign-in attempts: wait and retry.")
        .addHeaderObject(RETRY_AFTER, retryAfter()));
    errors.put("500", problem("An unexpected failure; nothing is leaked."));
    errors.put("503", problem("The database cannot be reached: retry after the given seconds.")
        .addHeaderObject(RETRY_AFTER, retryAfter().required(true)));

    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    errors.forEach(responses::putIfAbsent);
    ApiResponses sorted = new ApiResponses();
    responses.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
        .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
    operation.setResponses(sorted);

    if (idempotent) {
      idempotencyKey(operation, sorted);
    }
  }

  private static void idempotencyKey(Operation operation, ApiResponses responses) {
    if (operation.getParameters() != null
        && operation.getParameters().stream().anyMatch(p -> "Idempotency-Key".equals(p.getName()))) {
      return;
    }
    operation.addParametersItem(new HeaderParameter()
        .name("Idempotency-Key")
        .required(false)
        .description("Makes a retry safe: the first answer is kept 24 hours and replayed for the same"
            + " request; a different request with the same key is refused (422).")
        .schema(new StringSchema().minLength(1).maxLength(KEY_MAX_LENGTH)));
    responses.forEach((status, response) -> {
      if (status.startsWith("2")) {
        response.addHeaderObject("Idempotent-Replayed", header("true when this is the kept answer of an earlier request."));
      }
    });
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(new Content().addMediaType(PROBLEM_JSON,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  private static Header retryAfter() {
    return new Header().description("Seconds to wait before retrying.").schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO));
  }

  private static Header header(String description) {
    return new Header().description(description).schema(new StringSchema());
  }
}
