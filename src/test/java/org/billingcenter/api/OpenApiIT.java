package org.billingcenter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.billingcenter.testing.DatabaseIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiIT extends DatabaseIT {

  @Test
  void the_api_is_documented_with_its_security_scheme() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.info.title").value("Billing Center API"))
        .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/subscriptions/{id}/cancellation")))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/callback-requests")))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/credits")))
        .andExpect(jsonPath("$.paths['/api/v1/subscriptions/{id}/cancellation'].post").exists());
  }

  @Test
  void a_client_generated_from_the_document_gets_the_real_api() {
    JsonNode doc = JsonMapper.builder().build().readTree(apiContract.document());
    assertThat(doc.path("openapi").asString()).startsWith("3.0");
    List<String> wrong = new ArrayList<>();
    doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      String name = op.getKey().toUpperCase() + " " + path.getKey();
      JsonNode operation = op.getValue();
      List<JsonNode> parameters = StreamSupport.stream(operation.path("parameters").spliterator(), false).toList();
      boolean body = operation.has("requestBody");
      boolean pathIds = parameters.stream().anyMatch(p -> p.path("in").asString().equals("path"));
      List<String> expected = new ArrayList<>(List.of("400", "401", "403", "406", "429", "500", "503"));
      if (pathIds) {
        expected.add("404");
      }
      if (body) {
        expected.addAll(List.of("404", "413", "415", "422"));
      }
      for (String status : expected) {
        JsonNode problem = operation.at("/responses/" + status + "/content/application~1problem+json/schema/$ref");
        if (!problem.asString("").equals("#/components/schemas/Problem")) {
          wrong.add(name + " does not list " + status + " as a Problem");
        }
      }
      if (operation.at("/responses/503/headers/Retry-After/required").asBoolean() != true) {
        wrong.add(name + ": 503 without Retry-After");
      }
      parameters.stream()
          .filter(p -> p.path("in").asString().equals("query") && p.path("name").asString().equals("tenant"))
          .forEach(p -> wrong.add(name + " has the phantom query parameter tenant"));
      parameters.stream()
          .filter(p -> p.path("in").asString().equals("path") && !p.at("/schema/format").asString("").equals("uuid"))
          // Issue 15 (admins): an admin is addressed by his username (/api/v1/admins/{username}), as issue 15 asks
          .filter(p -> !p.path("name").asString().equals("username"))
          // Issue 17 catalog: a plan is addressed by its catalog key (test-monthly-eur), as POST /api/v1/plans names it
          .filter(p -> !name.contains(" /api/v1/operator/plans/"))
          .forEach(p -> wrong.add(name + ": path id " + p.path("name").asString() + " is not a uuid"));
      if (op.getKey().equals("post") || op.getKey().equals("delete")) {
        boolean key = parameters.stream().anyMatch(p -> p.path("in").asString().equals("header")
            && p.path("name").asString().equals("Idempotency-Key") && p.at("/schema/maxLength").asInt() == 200);
        if (!key) {
          wrong.add(name + " does not document Idempotency-Key");
        }
      }
    }));
    if (doc.toString().contains("*/*")) {
      wrong.add("a media type is */*");
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void fields_that_can_be_null_are_nullable_and_only_those() {
    JsonNode schemas = JsonMapper.builder().build().readTree(apiContract.document()).path("components").path("schemas");
    Map<String, List<String>> nullable = Map.of(
        "SubscriptionView", List.of("currentPeriodStart", "currentPeriodEnd", "trialEnd", "endsOn", "paymentMethodId",
            "conversion"),
        "CallbackView", List.of("engineer", "notes", "requestedBy"),
        "DecisionView", List.of("trial", "licensesToRemove", "removeLicenses", "requestCallback", "preview", "refundWindow"),
        "RefundWindowView", List.of("keptByRequestOn"),
        "PreviewView", List.of("effectiveAt", "creditReturnedOn"),
        "StartTrial", List.of("paymentMethodId"));
    nullable.forEach((schema, fields) -> schemas.path(schema).path("properties").properties().forEach(p ->
        assertThat(p.getValue().path("nullable").asBoolean() || p.getValue().at("/anyOf/1/nullable").asBoolean())
            .as(schema + "." + p.getKey() + " nullable").isEqualTo(fields.contains(p.getKey()))));
    // a nullable reference: the schema or null (OpenAPI 3.0 ignores siblings of $ref)
    assertThat(schemas.at("/DecisionView/properties/preview/anyOf/0/$ref").asString())
        .isEqualTo("#/components/schemas/PreviewView");
    assertThat(schemas.at("/DecisionView/properties/preview/anyOf/1/enum/0").isNull()).isTrue();
    // answers always carry every property (null included): all required, so clients need not guess
    assertThat(schemas.at("/SubscriptionView/required").toString()).contains("\"trialEnd\"", "\"id\"", "\"status\"");
    // request bodies keep their own rules: an optional property stays optional
    assertThat(schemas.at("/StartTrial/required").toString()).doesNotContain("paymentMethodId");
  }

  @Test
  void the_constraints_the_server_enforces_are_in_the_schema() {
    JsonNode schemas = JsonMapper.builder().build().readTree(apiContract.document()).path("components").path("schemas");
    // @Pattern matches the whole value; a JSON Schema pattern matches anywhere unless anchored
    assertThat(schemas.at("/CreateTenant/properties/country/pattern").asString()).isEqualTo("^(?:[A-Z]{2})$");
    // @NotBlank beside @Size(max = 200) still means at least one character
    assertThat(schemas.at("/CreateTenant/properties/name/minLength").asInt()).isEqualTo(1);
    assertThat(schemas.at("/CreateTenant/properties/name/maxLength").asInt()).isEqualTo(200);
    // @NotEmpty list: at least one
    assertThat(schemas.at("/MemberIds/properties/memberIds/minItems").asInt()).isEqualTo(1);
    // a primitive whose @Min refuses the 0 a missing value becomes is required
    assertThat(schemas.at("/NewPaymentMethod/required").toString()).contains("\"expiryMonth\"", "\"expiryYear\"");
    assertThat(schemas.at("/NewPaymentMethod/properties/expiryMonth/maximum").asInt()).isEqualTo(12);
    assertThat(schemas.at("/Problem/required").toString()).contains("\"code\"", "\"status\"", "\"detail\"");
    assertThat(schemas.has("TenantId")).as("no schema for the phantom tenant parameter").isFalse();
  }
}
