package org.billingcenter.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.billingcenter.account.AccountAccessChanged;
import org.billingcenter.account.Role;
import org.billingcenter.session.SessionWatch;
import org.billingcenter.shared.Utc;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed in twice (two browsers: two MockMvc sessions through the real sign-in form), a person sees
 * both, ends the other, and the other's next request goes to the sign-in page; a change of his
 * access ends them all; a Global admin sees and ends his admins' sessions, nobody another
 * organisation's.
 */
class SessionsIT extends DatabaseIT {

  static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
  static final String SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;
  @Autowired SessionWatch watch;

  /** Signs in through the form, then opens the home page (which registers the session). */
  MockHttpSession signIn(String username, String password, String userAgent) throws Exception {
    MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(username).password(password)
            .acceptMediaType(MediaType.TEXT_HTML))
        .andExpect(redirectedUrl("/"))
        .andReturn().getRequest().getSession(false);
    mvc.perform(get("/").session(session).header("User-Agent", userAgent)).andExpect(status().isOk());
    return session;
  }

  static UUID id(MockHttpSession session) {
    return ((SessionMark) session.getAttribute(SessionMark.ATTRIBUTE)).id();
  }

  void stillSignedIn(MockHttpSession session) throws Exception {
    mvc.perform(get("/account").session(session)).andExpect(status().isOk());
  }

  void sentToSignIn(MockHttpSession session) throws Exception {
    mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?signedOut"));
    assertThat(session.isInvalid()).isTrue();
  }

  @Test
  void signed_in_twice_a_person_sees_both_and_ending_the_other_sends_it_to_the_sign_in_page() throws Exception {
    Given org = tenants.tenant(0);
    MockHttpSession laptop = signIn(org.admin(), org.password(), FIREFOX);
    MockHttpSession phone = signIn(org.admin(), org.password(), SAFARI);
    UUID phoneId = id(phone);

    String page = mvc.perform(get("/account/sessions").session(laptop)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains(id(laptop).toString(), id(phone).toString(), "Firefox · Windows", "Safari · iPhone",
        "127.0.0.1");
    assertThat(page).contains("/account/sessions/" + id(phone) + "/end").doesNotContain("/account/sessions/" + id(laptop) + "/end");
    assertThat(mvc.perform(get("/account").session(laptop)).andReturn().getResponse().getContentAsString())
        .contains("/account/sessions").contains("/settings/sessions");

    mvc.perform(post("/account/sessions/" + id(phone) + "/end").session(laptop).with(csrf()))
        .andExpect(redirectedUrl("/account/sessions"));
    sentToSignIn(phone);
    stillSignedIn(laptop);
    assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = :t and action = 'SESSION_ENDED' and entity_id = :e")
        .param("t", org.id().value()).param("e", phoneId.toString()).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void an_htmx_request_of_an_ended_session_is_told_where_to_go() throws Exception {
    Given org = tenants.tenant(0);
    MockHttpSession one = signIn(org.admin(), org.password(), FIREFOX);
    MockHttpSession two = signIn(org.admin(), org.password(), FIREFOX);
    mvc.perform(delete("/api/v1/sessions/" + id(two)).with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isNoContent());
    mvc.perform(get("/billing/products").session(two).header("HX-Request", "true"))
        .andExpect(status().isNoContent()).andExpect(header().string("HX-Redirect", "/login?signedOut"));
    stillSignedIn(one);
  }

  @Test
  void signing_out_all_others_keeps_this_one_after_a_confirmation() throws Exception {
    Given org = tenants.tenant(0);
    MockHttpSession here = signIn(org.admin(), org.password(), FIREFOX);
    List<MockHttpSession> others = List.of(signIn(org.admin(), org.password(), SAFARI),
        signIn(org.admin(), org.password(), FIREFOX));
    mvc.perform(get("/account/sessions/end-others").session(here)).andExpect(status().isOk());
    mvc.perform(post("/account/sessions/end-others").param("confirmed", "abcd").session(here).with(csrf()))
        .andExpect(status().isBadRequest());
    stillSignedIn(others.get(0));
    mvc.perform(post("/account/sessions/end-others").param("confirmed", "true").session(here).with(csrf()))
        .andExpect(redirectedUrl("/account/sessions"));
    for (MockHttpSession other : others) {
      sentToSignIn(other);
    }
    stillSignedIn(here);
  }

  @Test
  void a_change_of_access_ends_every_session_of_that_person_and_only_his() throws Exception {
    Given org = tenants.tenant(0);
    String billing = tenants.account(org, Role.BILLING_ADMIN);
    MockHttpSession first = signIn(billing, "password", FIREFOX);
    MockHttpSession second = signIn(billing, "password", SAFARI);
    MockHttpSession admin = signIn(org.admin(), org.password(), FIREFOX);
    transaction.executeWithoutResult(t ->
        events.publishEvent(new AccountAccessChanged(org.id(), billing, AccountAccessChanged.Why.ROLES_CHANGED)));
    sentToSignIn(first);
    sentToSignIn(second);
    stillSignedIn(admin);
    assertThat(jdbc.sql("select count(*) from web_session where tenant_id = :t and username = :u and end_reason = 'ACCESS_CHANGED'")
        .param("t", org.id().value()).param("u", billing).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void a_rolled_back_change_of_access_ends_nothing() throws Exception {
    Given org = tenants.tenant(0);
    MockHttpSession session = signIn(org.admin(), org.password(), FIREFOX);
    transaction.executeWithoutResult(t -> {
      events.publishEvent(new AccountAccessChanged(org.id(), org.admin(), AccountAccessChanged.Why.REMOVED));
      t.setRollbackOnly();
    });
    stillSignedIn(session);
  }

  @Test
  void a_session_ended_by_another_node_is_refused_after_this_nodes_next_poll() throws Exception {
    Given org = tenants.tenant(0);
    MockHttpSession session = signIn(org.admin(), org.password(), FIREFOX);
    watch.poll();
    // What another node's ending leaves: the row only, not this node's memory.
    jdbc.sql("update web_session set ended_at = current_timestamp, ended_by = 'elsewhere', end_reason = 'ENDED_BY_ADMIN'"
        + " where tenant_id = :t and session_id = :id").param("t", org.id().value()).param("id", id(session)).update();
    stillSignedIn(session);
    assertThat(watch.poll()).isGreaterThanOrEqualTo(1);
    sentToSignIn(session);
  }

  @Test
  void signing_out_ends_the_row_and_last_seen_is_written_in_batches() throws Exception {
    Given org = tenants.tenant(0);
    MockHttpSession session = signIn(org.admin(), org.password(), FIREFOX);
    UUID id = id(session);
    clock.advance(java.time.Duration.ofMinutes(5));
    stillSignedIn(session);
    assertThat(lastSeen(org, id)).as("not written per request").isEqualTo(START);
    watch.flush();
    assertThat(lastSeen(org, id)).isEqualTo(START.plus(java.time.Duration.ofMinutes(5)));
    mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
    assertThat(jdbc.sql("select end_reason from web_session where tenant_id = :t and session_id = :id")
        .param("t", org.id().value()).param("id", id).query(String.class).single()).isEqualTo("SIGNED_OUT");
  }

  private java.time.Instant lastSeen(Given org, UUID id) {
    return jdbc.sql("select last_seen_at from web_session where tenant_id = :t and session_id = :id")
        .param("t", org.id().value()).param("id", id)
        .query((rs, i) -> Utc.read(rs, "last_seen_at")).single();
  }

  @Test
  void a_global_admin_sees_and_ends_his_admins_sessions_and_nobody_reaches_another_organisations() throws Exception {
    Given org = tenants.tenant(0);
    String reader = tenants.account(org, Role.READER);
    MockHttpSession readers = signIn(reader, "password", SAFARI);
    UUID readersId = id(readers);
    MockHttpSession admin = signIn(org.admin(), org.password(), FIREFOX);
    Given other = tenants.tenant(0);
    MockHttpSession stranger = signIn(other.admin(), other.password(), FIREFOX);

    String page = mvc.perform(get("/settings/sessions").session(admin)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains(reader, id(readers).toString()).doesNotContain(id(stranger).toString());
    mvc.perform(get("/settings/sessions").session(readers)).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/sessions").with(httpBasic(reader, "password"))).andExpect(status().isForbidden());

    mvc.perform(get("/api/v1/sessions").param("username", reader).with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].id").value(id(readers).toString()))
        .andExpect(jsonPath("$[0].device").value("Safari · iPhone"));
    mvc.perform(delete("/api/v1/sessions/" + id(stranger)).with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("SESSION_NOT_FOUND"));
    // A page refusal goes back with the reason, as every page does.
    mvc.perform(post("/settings/sessions/" + id(stranger) + "/end").session(admin).with(csrf()))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
    mvc.perform(post("/account/sessions/" + id(readers) + "/end").session(admin).with(csrf()))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
    stillSignedIn(stranger);
    stillSignedIn(readers);

    mvc.perform(post("/settings/sessions/" + id(readers) + "/end").session(admin).with(csrf()))
        .andExpect(redirectedUrl("/settings/sessions"));
    sentToSignIn(readers);
    assertThat(jdbc.sql("select actor || ' ' || before_state || ' ' || reason from audit_event where tenant_id = :t"
            + " and action = 'SESSION_ENDED' and entity_id = :e")
        .param("t", org.id().value()).param("e", readersId.toString()).query(String.class).single())
        .isEqualTo(org.admin() + " " + reader + " ended by an admin");
  }
}
