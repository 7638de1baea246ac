package org.billingcenter.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an idempotency record may keep of an answer. A secret shown once (an API key, a webhook
 * signing secret) is not kept: every {@code "secret"} field is stored as null, so a replay says
 * the thing was made but cannot show its secret again (revoke it and make another).
 */
final class StoredAnswers {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StoredAnswers() {}

  static String withoutSecrets(String contentType, String body) {
    if (body == null || !body.contains("\"secret\"") || contentType == null || !contentType.contains("json")) {
      return body;
    }
    JsonNode tree = JSON.readTree(body);
    blank(tree);
    return JSON.writeValueAsString(tree);
  }

  private static void blank(JsonNode node) {
    if (node instanceof ObjectNode object && object.has("secret")) {
      object.putNull("secret");
    }
    node.forEach(StoredAnswers::blank);
  }
}
