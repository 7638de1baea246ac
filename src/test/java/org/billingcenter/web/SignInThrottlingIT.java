package org.billingcenter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Failed sign-ins slow down the address they come from, never the owner elsewhere; spraying one
 * address across usernames is slowed down too; a throttled attempt hears so, and is audited
 * (finding 11.11).
 */
class SignInThrottlingIT extends DatabaseIT {

  static final String ATTACKER = "203.0.113.66";
  static final String OWNER = "198.51.100.7";

  @Autowired AuditLog audit;

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private ResultActions signIn(String username, String password, String address) throws Exception {
    return mvc.perform(post("/login").param("username", username).param("password", password)
        .with(csrf()).with(from(address)));
  }

  private ResultActions api(String username, String password, String address) throws Exception {
    return mvc.perform(get("/api/v1/subscriptions").with(httpBasic(username, password)).with(from(address)));
  }

  @Test
  void the_owner_signs_in_from_his_address_while_an_attacker_guessing_his_password_waits_longer_each_time()
      throws Exception {
    Given org = tenants.tenant(0);
    for (int i = 0; i < 3; i++) {
      signIn(org.admin(), "wrong-guess-" + i, ATTACKER).andExpect(redirectedUrl("/login?error"));
    }
    // From the attacker's address even the right password is not checked for a minute.
    signIn(org.admin(), org.password(), ATTACKER).andExpect(redirectedUrl("/login?throttled=1"));
    api(org.admin(), org.password(), ATTACKER)
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "60"))
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.code").value("SIGN_IN_THROTTLED"))
        .andExpect(jsonPath("$.detail", containsString("wait 1 min")));
    // The owner, elsewhere, is not slowed down at all.
    signIn(org.admin(), org.password(), OWNER).andExpect(redirectedUrl("/"));
    api(org.admin(), org.password(), OWNER).andExpect(status().isOk());

    clock.advance(Duration.ofMinutes(1));
    signIn(org.admin(), "wrong-guess-4", ATTACKER).andExpect(redirectedUrl("/login?error"));
    signIn(org.admin(), org.password(), ATTACKER).andExpect(redirectedUrl("/login?throttled=2"));
    clock.advance(Duration.ofSeconds(61));
    api(org.admin(), org.password(), ATTACKER)
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "59"));
    clock.advance(Duration.ofSeconds(59));
    signIn(org.admin(), org.password(), ATTACKER).andExpect(redirectedUrl("/"));
  }

  @Test
  void spraying_one_address_across_usernames_is_throttled_for_every_username_but_not_elsewhere() throws Exception {
    Given org = tenants.tenant(0);
    for (int i = 0; i < 20; i++) {
      signIn("guess-" + UUID.randomUUID(), "Winter2026!", ATTACKER).andExpect(redirectedUrl("/login?error"));
    }
    signIn(org.admin(), org.password(), ATTACKER).andExpect(redirectedUrl("/login?throttled=1"));
    api(org.admin(), org.password(), ATTACKER).andExpect(status().isTooManyRequests());
    signIn(org.admin(), org.password(), OWNER).andExpect(redirectedUrl("/"));
    clock.advance(Duration.ofMinutes(1));
    signIn(org.admin(), org.password(), ATTACKER).andExpect(redirectedUrl("/"));
  }

  @Test
  void a_throttled_person_reads_how_long_to_wait_in_his_language_not_wrong_password() throws Exception {
    mvc.perform(get("/login").param("throttled", "4").param("lang", "fr-FR"))
        .andExpect(content().string(containsString("attendez 4\u00a0min avant de réessayer")))
        .andExpect(content().string(not(containsString("incorrect"))));
    mvc.perform(get("/login").param("throttled", "2").header("Accept-Language", "zh-TW"))
        .andExpect(content().string(containsString("請等候 2 分鐘後再試")));
    // A number that the failure handler never writes shows the sentence without one.
    mvc.perform(get("/login").param("throttled", "call 555-0100").param("lang", "en"))
        .andExpect(content().string(containsString("wait a few minutes")))
        .andExpect(content().string(not(containsString("555-0100"))));
  }

  @Test
  void a_lockout_is_audited_in_the_organisation_under_the_username_tried() throws Exception {
    Given org = tenants.tenant(0);
    for (int i = 0; i < 3; i++) {
      api(org.admin(), "wrong-guess-" + i, ATTACKER).andExpect(status().isUnauthorized());
    }
    assertThat(audit.history(org.id(), "admin_account", org.admin()))
        .filteredOn(e -> e.action().equals("SIGN_IN_THROTTLED"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.actor()).isEqualTo(org.admin());
          assertThat(e.after()).isEqualTo("wait 1 min");
          assertThat(e.reason()).contains("3 failed sign-ins").contains(ATTACKER);
        });
    // An unknown username has no organisation: throttled all the same, logged, nothing to audit.
    String unknown = "nobody-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      api(unknown, "wrong", OWNER).andExpect(status().isUnauthorized());
    }
    api(unknown, "wrong", OWNER).andExpect(status().isTooManyRequests());
  }
}
