package org.billingcenter.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditEvent;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** API keys end to end through the security chain: Bearer keys made, used, refused and revoked. */
class ApiKeyIT extends DatabaseIT {

  @Autowired ApiKeyService keys;
  @Autowired AccountService accounts;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate transaction;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  Given org;

  @BeforeEach
  void anOrganisation() {
    org = tenants.tenant(0);
  }

  private CreatedApiKey key(Given tenant, Role role) {
    return keys.create(new NewApiKey(tenant.id(), "test " + role, role, null), "test");
  }

  private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String key) {
    return request.header("Authorization", "Bearer " + key);
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private ResultActions refused(ResultActions answer) throws Exception {
    return answer.andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")))
        .andExpect(jsonPath("$.code").value("NOT_SIGNED_IN"));
  }

  @Test
  void a_replayed_creation_says_the_key_was_made_but_its_secret_was_never_kept() throws Exception {
    String body = "{\"name\":\"Replayed\",\"role\":\"READER\",\"expiresAt\":null}";
    String first = mvc.perform(json(post("/api/v1/api-keys"), body).header("Idempotency-Key", "key-once-" + UUID.randomUUID())
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String idempotencyKey = "key-twice-" + UUID.randomUUID();
    String made = mvc.perform(json(post("/api/v1/api-keys"), body).header("Idempotency-Key", idempotencyKey)
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.secret").isString())
        .andReturn().getResponse().getContentAsString();
    mvc.perform(json(post("/api/v1/api-keys"), body).header("Idempotency-Key", idempotencyKey)
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isCreated())
        .andExpect(header().string("Idempotent-Replayed", "true"))
        .andExpect(jsonPath("$.id").value((String) JsonPath.read(made, "$.id")))
        .andExpect(jsonPath("$.secret").value(Matchers.nullValue()));
    String secret = JsonPath.read(made, "$.secret");
    String kept = String.join(" ", jdbc.sql("select body from idempotency_record where body is not null")
        .query(String.class).list());
    assertThat(kept).doesNotContain(secret).doesNotContain((String) JsonPath.read(first, "$.secret"));
  }

  @Test
  void a_key_created_with_basic_works_is_listed_without_its_secret_and_is_refused_once_revoked() throws Exception {
    String answer = mvc.perform(json(post("/api/v1/api-keys"), "{\"name\":\"Provisioning\",\"role\":\"GLOBAL_ADMIN\",\"expiresAt\":null}")
            .with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.secret").value(Matchers.matchesPattern("bc_live_[0-9A-Za-z]{12}_[A-Za-z0-9_-]{43}")))
        .andExpect(jsonPath("$.role").value("GLOBAL_ADMIN"))
        .andExpect(jsonPath("$.createdAt").value("2026-03-10T10:00:00Z"))
        .andReturn().getResponse().getContentAsString();
    String id = JsonPath.read(answer, "$.id");
    String prefix = JsonPath.read(answer, "$.prefix");
    String secret = JsonPath.read(answer, "$.secret");
    assertThat(secret).startsWith(prefix + "_");

    mvc.perform(bearer(get("/api/v1/subscriptions"), secret)).andExpect(status().isOk());
    mvc.perform(bearer(get("/api/v1/api-keys"), secret))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Total-Count", "1"))
        .andExpect(jsonPath("$[0].prefix").value(prefix))
        .andExpect(jsonPath("$[0].status").value("ACTIVE"))
        .andExpect(jsonPath("$[0].secret").doesNotExist());
    mvc.perform(bearer(get("/api/v1/api-keys/" + id), secret))
        .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Provisioning"))
        .andExpect(jsonPath("$.createdBy").value(org.admin()));

    // A key that acts is named by its prefix in the audit trail; it revokes itself here.
    mvc.perform(bearer(delete("/api/v1/api-keys/" + id), secret)).andExpect(status().isNoContent());
    refused(mvc.perform(bearer(get("/api/v1/subscriptions"), secret)));
    mvc.perform(delete("/api/v1/api-keys/" + id).with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/api-keys/" + id).with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$.status").value("REVOKED")).andExpect(jsonPath("$.revokedBy").value(prefix));
    assertThat(audit.history(org.id(), "api_key", id)).extracting(AuditEvent::action, AuditEvent::actor)
        .containsExactly(tuple("API_KEY_CREATED", org.admin()), tuple("API_KEY_REVOKED", prefix));
    // Basic with passwords stays for people trying things.
    mvc.perform(get("/api/v1/subscriptions").with(httpBasic(org.admin(), org.password()))).andExpect(status().isOk());
  }

  @Test
  void an_expired_key_is_refused_and_listed_as_expired() throws Exception {
    CreatedApiKey k = keys.create(new NewApiKey(org.id(), "short", Role.READER, DatabaseIT.START.plusSeconds(3600)), "test");
    mvc.perform(bearer(get("/api/v1/subscriptions"), k.secret())).andExpect(status().isOk());
    clock.set(DatabaseIT.START.plusSeconds(3600));
    refused(mvc.perform(bearer(get("/api/v1/subscriptions"), k.secret())));
    mvc.perform(get("/api/v1/api-keys/" + k.id()).with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$.status").value("EXPIRED"));
  }

  @Test
  void a_wrong_secret_an_unknown_prefix_and_malformed_headers_get_the_same_401() throws Exception {
    CreatedApiKey k = key(org, Role.GLOBAL_ADMIN);
    String wrongSecret = k.prefix() + "_" + "A".repeat(43);
    String unknownPrefix = "bc_live_000000000000_" + k.secret().substring(21);
    String wrong = refused(mvc.perform(bearer(get("/api/v1/subscriptions"), wrongSecret)))
        .andReturn().getResponse().getContentAsString();
    String unknown = refused(mvc.perform(bearer(get("/api/v1/subscriptions"), unknownPrefix)))
        .andReturn().getResponse().getContentAsString();
    assertThat(unknown).isEqualTo(wrong);
    for (String header : new String[] {"Bearer", "Bearer ", "Bearer abc", "bearer " + k.secret() + "x",
        "Bearer " + k.prefix(), "Bearer " + k.secret().replace("bc_live_", "bc_test_"), "Bearer " + k.secret() + " more"}) {
      refused(mvc.perform(get("/api/v1/subscriptions").header("Authorization", header)));
    }
    // The scheme is case-insensitive (RFC 9110); the key itself is not.
    mvc.perform(get("/api/v1/subscriptions").header("Authorization", "bearer " + k.secret())).andExpect(status().isOk());
    refused(mvc.perform(bearer(get("/api/v1/subscriptions"), k.secret().toUpperCase(java.util.Locale.ROOT))));
  }

  @Test
  void roles_bind_keys_as_they_bind_accounts() throws Exception {
    String reader = key(org, Role.READER).secret();
    String billing = key(org, Role.BILLING_ADMIN).secret();
    String global = key(org, Role.GLOBAL_ADMIN).secret();
    mvc.perform(bearer(get("/api/v1/subscriptions"), reader)).andExpect(status().isOk());
    mvc.perform(bearer(json(post("/api/v1/members"), "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}"), reader))
        .andExpect(status().isForbidden());
    mvc.perform(bearer(json(post("/api/v1/api-keys"), "{\"name\":\"x\",\"role\":\"READER\"}"), billing))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_PERMITTED"));
    mvc.perform(bearer(get("/api/v1/api-keys"), reader)).andExpect(status().isForbidden());
    mvc.perform(bearer(json(post("/api/v1/api-keys"), "{\"name\":\"x\",\"role\":\"OPERATOR\"}"), global))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("API_KEY_ROLE_NOT_ALLOWED"));
    mvc.perform(bearer(json(post("/api/v1/api-keys"), "{\"name\":\"x\",\"role\":\"READER\",\"expiresAt\":\"2026-03-10T09:00:00Z\"}"), global))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("API_KEY_EXPIRY_NOT_IN_FUTURE"));
    mvc.perform(bearer(json(post("/api/v1/api-keys"), "{\"name\":\"x\",\"role\":\"READER\",\"expiresAt\":\"2028-03-11T10:00:00Z\"}"), global)
            .header("Accept-Language", "fr-FR"))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("API_KEY_EXPIRY_TOO_FAR"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("730")));
    mvc.perform(bearer(json(post("/api/v1/api-keys"), "{\"name\":\" \",\"role\":\"READER\"}"), global))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    mvc.perform(bearer(json(post("/api/v1/api-keys"), "{\"name\":\"" + "n".repeat(101) + "\",\"role\":\"READER\"}"), global))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(bearer(json(post("/api/v1/api-keys"), "{\"name\":\"CI\",\"role\":\"READER\",\"expiresAt\":\"2028-03-09T10:00:00Z\"}"), global))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.expiresAt").value("2028-03-09T10:00:00Z"));
    // Support engineers and operators without the operator role manage no keys.
    mvc.perform(get("/api/v1/api-keys").with(httpBasic(tenants.account(org, Role.BILLING_ADMIN), "password")))
        .andExpect(status().isForbidden());
  }

  @Test
  void a_key_of_one_organisation_never_reads_another() throws Exception {
    Given other = tenants.tenant(0);
    Subscription theirs = tenants.subscription(other, 3, 0);
    CreatedApiKey theirKey = key(other, Role.READER);
    String mine = key(org, Role.GLOBAL_ADMIN).secret();
    mvc.perform(bearer(get("/api/v1/subscriptions/" + theirs.id().value()), mine)).andExpect(status().isNotFound());
    mvc.perform(bearer(get("/api/v1/subscriptions"), mine)).andExpect(jsonPath("$.length()").value(0));
    mvc.perform(bearer(get("/api/v1/api-keys/" + theirKey.id()), mine)).andExpect(status().isNotFound());
    mvc.perform(bearer(delete("/api/v1/api-keys/" + theirKey.id()), mine)).andExpect(status().isNotFound());
    mvc.perform(bearer(get("/api/v1/api-keys"), mine)).andExpect(header().string("X-Total-Count", "1"));
    mvc.perform(bearer(get("/api/v1/subscriptions/" + theirs.id().value()), theirKey.secret())).andExpect(status().isOk());
  }

  @Test
  void the_operator_keeps_operator_side_keys_that_no_organisation_sees() throws Exception {
    String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.seedOperatorAccount(
        new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "op-password"));
    String answer = mvc.perform(json(post("/api/v1/api-keys"), "{\"name\":\"Provisioning\",\"role\":\"OPERATOR\"}")
            .with(httpBasic(operator, "op-password")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String secret = JsonPath.read(answer, "$.secret");
    mvc.perform(bearer(get("/actuator/health"), secret)).andExpect(status().isOk());
    mvc.perform(bearer(get("/api/v1/api-keys/" + JsonPath.read(answer, "$.id")), key(org, Role.GLOBAL_ADMIN).secret()))
        .andExpect(status().isNotFound());
    mvc.perform(bearer(json(post("/api/v1/api-keys"), "{\"name\":\"x\",\"role\":\"BILLING_ADMIN\"}"), secret))
        .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("API_KEY_ROLE_NOT_ALLOWED"));
    String support = JsonPath.read(mvc.perform(bearer(json(post("/api/v1/api-keys"), "{\"name\":\"Desk\",\"role\":\"SUPPORT_ENGINEER\"}"), secret))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.secret");
    mvc.perform(bearer(get("/api/v1/support/callback-requests"), support)).andExpect(status().isOk());
    mvc.perform(bearer(get("/api/v1/api-keys"), support)).andExpect(status().isForbidden());
  }

  @Test
  void no_secret_reaches_the_log_of_a_failed_or_a_successful_call() throws Exception {
    CreatedApiKey k = key(org, Role.GLOBAL_ADMIN);
    String secretPart = k.secret().substring(ApiKeyFormat.PREFIX_LENGTH + 1);
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger security = (Logger) LoggerFactory.getLogger("org.springframework.security");
    Logger web = (Logger) LoggerFactory.getLogger("org.springframework.web");
    Logger ours = (Logger) LoggerFactory.getLogger("org.billingcenter");
    Level[] before = {security.getLevel(), web.getLevel(), ours.getLevel()};
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    security.setLevel(Level.TRACE);
    web.setLevel(Level.TRACE);
    ours.setLevel(Level.DEBUG);
    try {
      mvc.perform(bearer(get("/api/v1/subscriptions"), k.secret())).andExpect(status().isOk());
      mvc.perform(bearer(get("/api/v1/subscriptions"), k.prefix() + "_" + secretPart.substring(1) + "x"))
          .andExpect(status().isUnauthorized());
      mvc.perform(bearer(json(post("/api/v1/api-keys"), "{\"name\":\"Logged?\",\"role\":\"READER\"}"), k.secret()))
          .andExpect(status().isCreated());
    } finally {
      root.detachAppender(captured);
      security.setLevel(before[0]);
      web.setLevel(before[1]);
      ours.setLevel(before[2]);
    }
    StringBuilder log = new StringBuilder();
    for (ILoggingEvent e : captured.list) {
      log.append(e.getFormattedMessage()).append(e.getMDCPropertyMap()).append('\n');
      if (e.getThrowableProxy() != null) {
        log.append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
      }
    }
    assertThat(captured.list).as("the calls were logged at all").isNotEmpty();
    assertThat(log.toString()).doesNotContain(secretPart).doesNotContain(secretPart.substring(1));
  }

  @Test
  void the_last_use_is_written_when_the_node_flushes_not_per_request() throws Exception {
    CreatedApiKey k = key(org, Role.READER);
    keys.flushLastUse(); // whatever earlier tests left
    clock.set(DatabaseIT.START.plus(Duration.ofMinutes(5)));
    for (int i = 0; i < 3; i++) {
      mvc.perform(bearer(get("/api/v1/subscriptions"), k.secret())).andExpect(status().isOk());
    }
    keys.flushLastUse();
    mvc.perform(get("/api/v1/api-keys/" + k.id()).with(httpBasic(org.admin(), org.password())))
        .andExpect(jsonPath("$.lastUsedAt").value("2026-03-10T10:05:00Z"));
    Instant unchanged = keys.get(ApiKeyOwner.of(org.id()), k.id()).lastUsedAt();
    assertThat(unchanged).isEqualTo(Instant.parse("2026-03-10T10:05:00Z"));
  }
}
