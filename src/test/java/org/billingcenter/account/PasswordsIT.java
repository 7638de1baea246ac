package org.billingcenter.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.shared.Rejected;
import org.billingcenter.testing.DatabaseIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The password policy on every path that creates an account, and passwords of any length at
 * sign-in: never a 500 (finding 11.12).
 */
class PasswordsIT extends DatabaseIT {

  static final String OPERATOR_PASSWORD = "larch-pine-spruce-77";
  /** 128 different emoji: 128 characters and 512 bytes in UTF-8, over bcrypt's 72-byte limit. */
  static final String LONGEST = PasswordPolicyTest.LONGEST;
  /** 100 bytes: what a person may type at the sign-in page. */
  static final String HUNDRED_BYTES = "x".repeat(100);

  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  private String operator;

  @BeforeEach
  void anOperator() {
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(
        s -> accounts.createOperatorAccount(
            new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), OPERATOR_PASSWORD));
  }

  private ResultActions openOrganisation(String admin, String password, String language) throws Exception {
    String body = json.writeValueAsString(java.util.Map.of(
        "name", "Juniper " + admin, "country", "DK", "locale", "da-DK", "timeZone", "Europe/Copenhagen",
        "currency", "EUR", "admin", java.util.Map.of("username", admin, "displayName", "Jo", "password", password)));
    return mvc.perform(post("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).content(body)
        .header("Accept-Language", language).with(httpBasic(operator, OPERATOR_PASSWORD)));
  }

  private boolean exists(String username) {
    return jdbc.sql("select count(*) from admin_account where username = :u").param("u", username)
        .query(Long.class).single() > 0;
  }

  @Test
  void weak_passwords_for_a_new_organisations_admin_are_refused_with_a_localised_field_error() throws Exception {
    record Case(String password, String english) {}
    String admin = "juniper-" + UUID.randomUUID().toString().substring(0, 8);
    List<Case> cases = List.of(
        new Case("password", "at least 12 characters"),
        new Case("12345678", "at least 12 characters"),
        new Case("aaaaaaaa", "at least 12 characters"),
        new Case("aaaaaaaaaaaa", "too easy to guess"),
        new Case(admin, "must not contain the username"),
        new Case("My-" + admin.toUpperCase() + "-2026", "must not contain the username"),
        new Case("Password2024!", "one of the most common"),
        new Case("x".repeat(129), "at most 128 characters"),
        new Case("\u00e9".repeat(129), "at most 128 characters"), // 258 bytes: was a 500 from bcrypt
        new Case("\u00e9".repeat(100), "too easy to guess"),
        new Case("abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abc", "too easy to guess"));
    for (Case c : cases) {
      openOrganisation(admin, c.password(), "en")
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
          .andExpect(jsonPath("$.errors", hasSize(1)))
          .andExpect(jsonPath("$.errors[0].field").value("admin.password"))
          .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString(c.english())));
      assertThat(exists(admin)).as(c.password()).isFalse();
    }
    openOrganisation(admin, "password", "fr-FR")
        .andExpect(jsonPath("$.errors[0].message").value("Choisissez un mot de passe d’au moins 12 caractères."));
    openOrganisation(admin, "password", "zh-TW")
        .andExpect(jsonPath("$.errors[0].message").value("請設定至少 12 個字元的密碼。"));
    assertThat(exists(admin)).isFalse();
  }

  @Test
  void a_128_character_512_byte_password_is_accepted_and_signs_in() throws Exception {
    assertThat(LONGEST.getBytes(StandardCharsets.UTF_8)).hasSize(512);
    String admin = "juniper-" + UUID.randomUUID().toString().substring(0, 8);
    openOrganisation(admin, LONGEST, "en").andExpect(status().isCreated());
    mvc.perform(get("/api/v1/subscriptions").with(httpBasic(admin, LONGEST))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/subscriptions").with(httpBasic(admin, LONGEST.substring(0, LONGEST.length() - 2))))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void every_other_path_that_creates_an_account_applies_the_policy_too() {
    String name = "eng-" + UUID.randomUUID().toString().substring(0, 8);
    assertThatThrownBy(() -> transaction.executeWithoutResult(s -> accounts.createOperatorAccount(
            new AdminAccount(name, null, "Eng", Set.of(Role.SUPPORT_ENGINEER), null), "password")))
        .isInstanceOf(Rejected.class).hasMessage("PASSWORD_TOO_SHORT");
    var org = tenants.tenant(0);
    assertThatThrownBy(() -> transaction.executeWithoutResult(s -> accounts.createTenantAccount(
            new AdminAccount(name, org.id(), "Reader", Set.of(Role.READER), null), "iloveyou1234", "test")))
        .isInstanceOf(Rejected.class).hasMessage("PASSWORD_TOO_COMMON");
    assertThat(exists(name)).isFalse();
  }

  @Test
  void a_100_byte_password_at_sign_in_is_wrong_credentials_never_a_500() throws Exception {
    var org = tenants.tenant(0);
    String legacy = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(s -> accounts.createTenantAccount(
        new AdminAccount(legacy, org.id(), "Legacy", Set.of(Role.READER), null), "birch-bark-canoe-9", "test"));
    // An account from before PBKDF2: its {bcrypt} hash keeps verifying.
    jdbc.sql("update admin_account set password_hash = :h where username = :u")
        .param("h", "{bcrypt}" + new BCryptPasswordEncoder().encode("birch-bark-canoe-9")).param("u", legacy).update();
    mvc.perform(get("/api/v1/subscriptions").with(httpBasic(legacy, "birch-bark-canoe-9"))).andExpect(status().isOk());
    for (String username : List.of(org.admin(), legacy, "nobody-" + UUID.randomUUID())) {
      mvc.perform(get("/api/v1/subscriptions").with(httpBasic(username, HUNDRED_BYTES)))
          .andExpect(status().isUnauthorized())
          .andExpect(jsonPath("$.code").value("NOT_SIGNED_IN"));
      mvc.perform(get("/api/v1/subscriptions").with(httpBasic(username, LONGEST))).andExpect(status().isUnauthorized());
      mvc.perform(formLogin().user(username).password(HUNDRED_BYTES).acceptMediaType(MediaType.TEXT_HTML))
          .andExpect(redirectedUrl("/login?error"));
    }
  }
}
