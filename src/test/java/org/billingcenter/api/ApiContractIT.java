package org.billingcenter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.function.Consumer;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The check every integration test runs on its API exchanges catches drift: judged by a document
 * that disagrees with the server in one place, the same real exchange fails where it was made.
 */
class ApiContractIT extends DatabaseIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @AfterEach
  void theRealDocumentAgain() {
    apiContract.restore();
  }

  @Test
  void a_null_in_a_field_the_document_does_not_mark_nullable_is_reported() throws Exception {
    Given org = tenants.tenant(1);
    Subscription bought = tenants.subscription(org, 2, 0); // bought, not a trial: trialEnd is null
    RequestBuilder read = get("/api/v1/subscriptions/" + bought.id()).with(httpBasic(org.admin(), org.password()));
    mvc.perform(read).andExpect(status().isOk());

    reported(drifted(doc -> property(doc, "SubscriptionView", "trialEnd").remove("nullable")), read,
        "trialEnd", "response: validation.response.body.schema");
  }

  @Test
  void an_error_status_the_operation_does_not_list_is_reported() throws Exception {
    Given org = tenants.tenant(0);
    RequestBuilder missing = get("/api/v1/subscriptions/" + UUID.randomUUID()).with(httpBasic(org.admin(), org.password()));
    mvc.perform(missing).andExpect(status().isNotFound());

    reported(drifted(doc -> ((ObjectNode) doc.at("/paths/~1api~1v1~1subscriptions~1{id}/get/responses")).remove("404")),
        missing, "validation.response.status.unknown");
  }

  @Test
  void an_accepted_request_the_document_forbids_is_reported() throws Exception {
    Given org = tenants.tenant(0);
    RequestBuilder add = post("/api/v1/members").contentType(MediaType.APPLICATION_JSON)
        .content("{\"displayName\":\"Ada Lovelace\",\"email\":\"ada-" + UUID.randomUUID() + "@example.org\"}")
        .with(httpBasic(org.admin(), org.password()));

    reported(drifted(doc -> property(doc, "MemberDetails", "displayName").put("maxLength", 3)), add,
        "accepted request: validation.request.body.schema.maxLength");
  }

  @Test
  void a_refused_request_is_not_judged_by_the_request_schema_but_its_answer_is() throws Exception {
    Given org = tenants.tenant(0);
    RequestBuilder hostile = post("/api/v1/members").contentType(MediaType.APPLICATION_JSON)
        .content("{\"displayName\":\"\",\"email\":\"not an address\",\"extra\":[1,2]}")
        .with(httpBasic(org.admin(), org.password()));
    mvc.perform(hostile).andExpect(status().isUnprocessableContent()); // the real document: no complaint

    reported(drifted(doc -> ((ObjectNode) doc.at("/components/schemas/Problem/properties/status")).put("maximum", 400)),
        hostile, "response: validation.response.body.schema.maximum");
  }

  @Test
  void an_answer_for_a_route_the_document_does_not_have_must_be_a_problem() throws Exception {
    RequestBuilder unknown = get("/api/v1/no-such-thing"); // not signed in: 401 before any routing
    mvc.perform(unknown).andExpect(status().isUnauthorized()); // a Problem: fits without an operation

    reported(drifted(doc -> ((ObjectNode) doc.at("/components/schemas/Problem/properties/code")).put("pattern", "^lower$")),
        unknown, "undocumented route's problem");
  }

  /** Judged by {@code document}, the exchange fails where it is made, and is kept for the test's end. */
  private void reported(String document, RequestBuilder exchange, String... expected) {
    apiContract.judgeBy(document);
    assertThatThrownBy(() -> mvc.perform(exchange))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("disagrees with /v3/api-docs")
        .hasMessageContainingAll(expected);
    assertThat(apiContract.drain()).anySatisfy(v -> assertThat(v).contains(expected));
  }

  private String drifted(Consumer<JsonNode> change) {
    JsonNode doc = JSON.readTree(apiContract.document());
    change.accept(doc);
    return JSON.writeValueAsString(doc);
  }

  private static ObjectNode property(JsonNode doc, String schema, String property) {
    return (ObjectNode) doc.at("/components/schemas/" + schema + "/properties/" + property);
  }
}
