package org.billingcenter.tenant.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.tenant.Member;
import org.billingcenter.tenant.MemberDetails;
import org.billingcenter.tenant.MemberService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The members pages, without JavaScript: plain forms, POST-redirect-GET, field errors shown again. */
class MembersPagesIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired MemberService members;
  @Autowired LicensingService licensing;

  private RequestPostProcessor as(String username) {
    return user(accounts.loadUserByUsername(username));
  }

  private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, String username) throws Exception {
    return mvc.perform(request.with(as(username)).with(csrf()).param("lang", "en")).andReturn().getResponse();
  }

  @Test
  void the_list_searches_by_name_or_email_and_htmx_gets_only_the_list() throws Exception {
    Given org = tenants.tenant(3);
    members.add(org.id(), new MemberDetails("Zoë Ångström", "zoe@alpha.example"), "t");
    String page = send(get("/members").param("q", "ANGSTR"), org.admin()).getContentAsString();
    assertThat(page).doesNotContain("Zoë Ångström"); // Å is not A: a substring of the name as written
    page = send(get("/members").param("q", "ångstr"), org.admin()).getContentAsString();
    assertThat(page).contains("Zoë Ångström").contains("1 member matches").doesNotContain("Person 1")
        .contains("href=\"/members/new\"").contains("href=\"/members/import\"").contains("href=\"/members\"");
    MockHttpServletResponse fragment = mvc.perform(get("/members").param("q", "alpha").header("HX-Request", "true")
        .with(as(org.admin()))).andReturn().getResponse();
    assertThat(fragment.getContentAsString()).contains("id=\"list\"").doesNotContain("<html").contains("Zoë");
  }

  @Test
  void an_admin_adds_a_member_and_a_taken_address_is_shown_at_the_field_with_what_was_typed() throws Exception {
    Given org = tenants.tenant(1);
    MockHttpServletResponse added = send(post("/members").param("displayName", "Ada").param("email", "ada@example.com"), org.admin());
    assertThat(added.getStatus()).isEqualTo(302);
    assertThat(added.getRedirectedUrl()).isEqualTo("/members");
    MockHttpServletResponse again = send(post("/members").param("displayName", "Ada Two").param("email", "ADA@example.com"), org.admin());
    assertThat(again.getStatus()).isEqualTo(422);
    assertThat(again.getContentAsString()).contains("id=\"email-error\"").contains("ada@example.com already exists")
        .contains("value=\"Ada Two\"");
    MockHttpServletResponse blank = send(post("/members").param("displayName", " ").param("email", "x"), org.admin());
    assertThat(blank.getStatus()).isEqualTo(422);
    assertThat(blank.getContentAsString()).contains("id=\"displayName-error\"").contains("id=\"email-error\"");
    assertThat(members.search(org.id(), null, PageRequest.FIRST).total()).isEqualTo(2);
  }

  @Test
  void an_admin_edits_a_member() throws Exception {
    Given org = tenants.tenant(1);
    MemberId id = org.members().get(0);
    assertThat(send(get("/members/" + id + "/edit"), org.admin()).getContentAsString())
        .contains("value=\"Person 1\"").contains("action=\"/members/" + id + "\"");
    MockHttpServletResponse saved = send(post("/members/" + id).param("displayName", "Ada King").param("email", "king@example.com"), org.admin());
    assertThat(saved.getStatus()).isEqualTo(302);
    assertThat(members.member(org.id(), id).displayName()).isEqualTo("Ada King");
  }

  @Test
  void the_removal_confirmation_lists_the_licenses_he_loses_and_the_removal_releases_them() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 3, 2);
    MemberId leaving = org.members().get(0);
    String confirm = send(get("/members/" + leaving + "/remove"), org.admin()).getContentAsString();
    assertThat(confirm).contains("Test Product").contains("data-subscription-id=\"" + s.id() + "\"")
        .contains("action=\"/members/" + leaving + "/remove\"");
    MockHttpServletResponse removed = send(post("/members/" + leaving + "/remove"), org.admin());
    assertThat(removed.getStatus()).isEqualTo(302);
    assertThat(licensing.assignedMembers(org.id(), s.id())).containsExactly(org.members().get(1));
    assertThat(members.search(org.id(), null, PageRequest.FIRST).items()).extracting(Member::id).containsExactly(org.members().get(1));
  }

  @Test
  void an_upload_with_bad_lines_shows_every_one_in_a_table_and_imports_nothing_then_a_good_one_imports() throws Exception {
    Given org = tenants.tenant(0);
    byte[] bad = "displayName,email\nGood,good@example.com\n,empty@example.com\nBad,nope\n".getBytes(StandardCharsets.UTF_8);
    MockHttpServletResponse refused = send(multipart("/members/import").file(new MockMultipartFile("file", "team.csv", "text/csv", bad)), org.admin());
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(refused.getContentAsString()).contains("id=\"import-problems\"")
        .contains("data-line=\"3\"").contains("data-code=\"EMPTY\"")
        .contains("data-line=\"4\"").contains("data-code=\"BAD_EMAIL\"")
        .contains("Nothing from team.csv was imported");
    assertThat(members.search(org.id(), null, PageRequest.FIRST).total()).isZero();

    byte[] good = "\uFEFFdisplayName,email\r\n\"Hopper, Grace\",grace@example.com\r\nAda,ada@example.com\r\n".getBytes(StandardCharsets.UTF_8);
    MockHttpServletResponse done = send(multipart("/members/import").file(new MockMultipartFile("file", "team.csv", "text/csv", good)), org.admin());
    assertThat(done.getStatus()).isEqualTo(302);
    assertThat(members.search(org.id(), "hopper", PageRequest.FIRST).items()).extracting(Member::displayName).containsExactly("Hopper, Grace");

    MockHttpServletResponse none = send(multipart("/members/import"), org.admin());
    assertThat(none.getStatus()).isEqualTo(422);
    assertThat(none.getContentAsString()).contains("id=\"file-error\"");
  }

  @Test
  void billing_admins_and_readers_see_the_list_without_actions_and_cannot_change_members() throws Exception {
    Given org = tenants.tenant(1);
    MemberId id = org.members().get(0);
    for (Role role : java.util.List.of(Role.BILLING_ADMIN, Role.READER)) {
      String username = tenants.account(org, role);
      String list = send(get("/members"), username).getContentAsString();
      assertThat(list).contains("Person 1").doesNotContain("href=\"/members/new\"").doesNotContain("/remove\"");
      assertThat(send(get("/members/new"), username).getStatus()).as(role.name()).isEqualTo(403);
      assertThat(send(post("/members").param("displayName", "X").param("email", "x@example.com"), username).getStatus()).isEqualTo(403);
      assertThat(send(post("/members/" + id + "/remove"), username).getStatus()).isEqualTo(403);
      assertThat(send(multipart("/members/import").file(new MockMultipartFile("file", "m.csv", "text/csv",
          "displayName,email\nX,x@example.com\n".getBytes(StandardCharsets.UTF_8))), username).getStatus()).isEqualTo(403);
    }
    String userAdmin = tenants.account(org, Role.USER_ADMIN);
    assertThat(send(get("/members"), userAdmin).getContentAsString()).contains("href=\"/members/new\"");
    assertThat(members.search(org.id(), null, PageRequest.FIRST).total()).isEqualTo(1);
  }
}
