package org.billingcenter.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditEvent;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.licensing.LicensingService;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Adding, editing, removing and finding members, through the API and the service, on H2 and PostgreSQL. */
class MembersIT extends DatabaseIT {

  @Autowired MemberService members;
  @Autowired LicensingService licensing;
  @Autowired SubscriptionService subscriptions;
  @Autowired AuditLog audit;

  private MockHttpServletResponse call(MockHttpServletRequestBuilder request, RequestPostProcessor caller) throws Exception {
    return mvc.perform(request.with(caller).header("Accept-Language", "en")).andReturn().getResponse();
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static String body(String name, String email) {
    return "{\"displayName\":\"" + name + "\",\"email\":\"" + email + "\"}";
  }

  @Test
  void a_user_admin_adds_edits_and_removes_a_member_and_each_step_is_audited() throws Exception {
    Given org = tenants.tenant(0);
    RequestPostProcessor userAdmin = httpBasic(tenants.account(org, Role.USER_ADMIN), "password");

    MockHttpServletResponse added = call(json(post("/api/v1/members"), body("  Ada Lovelace ", "Ada@Example.COM")), userAdmin);
    assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
    String id = JsonPath.read(added.getContentAsString(), "$.id");
    assertThat(JsonPath.<String>read(added.getContentAsString(), "$.displayName")).isEqualTo("Ada Lovelace");
    assertThat(JsonPath.<String>read(added.getContentAsString(), "$.email")).isEqualTo("ada@example.com");

    MockHttpServletResponse edited = call(json(put("/api/v1/members/" + id), body("Ada King", "ada.king@example.com")), userAdmin);
    assertThat(edited.getStatus()).as(edited.getContentAsString()).isEqualTo(200);
    assertThat(members.member(org.id(), MemberId.of(id)).email()).isEqualTo("ada.king@example.com");

    assertThat(call(delete("/api/v1/members/" + id), userAdmin).getStatus()).isEqualTo(204);
    assertThat(call(get("/api/v1/members/" + id), userAdmin).getStatus()).isEqualTo(404);

    assertThat(audit.history(org.id(), "member", id))
        .extracting(AuditEvent::action, AuditEvent::before, AuditEvent::after)
        .containsExactly(
            tuple("MEMBER_ADDED", null, "Ada Lovelace <ada@example.com>"),
            tuple("MEMBER_EDITED", "Ada Lovelace <ada@example.com>", "Ada King <ada.king@example.com>"),
            tuple("MEMBER_REMOVED", "Ada King <ada.king@example.com>", null));
  }

  @Test
  void removing_a_member_releases_his_licenses_on_every_subscription_audited_per_subscription() {
    Given org = tenants.tenant(3);
    Subscription first = tenants.subscription(org, 5, 3);
    Subscription second = tenants.subscription(org, 2, 1);
    MemberId leaving = org.members().get(0);
    assertThat(members.licensesOf(org.id(), leaving)).extracting(MemberHoldings.HeldLicense::subscription)
        .containsExactlyInAnyOrder(first.id(), second.id());

    members.remove(org.id(), leaving, "remover");

    assertThat(licensing.assignedMembers(org.id(), first.id())).containsExactlyInAnyOrderElementsOf(org.members().subList(1, 3));
    assertThat(licensing.assignedMembers(org.id(), second.id())).isEmpty();
    assertThat(subscriptions.get(org.id(), first.id()).assignedLicenses()).isEqualTo(2);
    for (Subscription s : List.of(first, second)) {
      AuditEvent released = audit.history(org.id(), "subscription", s.id().toString()).stream()
          .filter(e -> e.action().equals("LICENSES_RELEASED")).findFirst().orElseThrow();
      assertThat(released.actor()).isEqualTo("remover");
      assertThat(released.reason()).contains(leaving.toString());
    }
    assertThat(subscriptions.get(org.id(), first.id()).subscription().quantity()).isEqualTo(5);
  }

  @Test
  void an_address_is_unique_in_an_organisation_whatever_its_case_but_may_exist_in_another() throws Exception {
    Given org = tenants.tenant(0);
    Given other = tenants.tenant(0);
    RequestPostProcessor admin = httpBasic(org.admin(), org.password());
    assertThat(call(json(post("/api/v1/members"), body("Kim", "kim@shared.example")), admin).getStatus()).isEqualTo(201);
    MockHttpServletResponse twice = call(json(post("/api/v1/members"), body("Kim Two", "KIM@Shared.Example")), admin);
    assertThat(twice.getStatus()).isEqualTo(409);
    assertThat(JsonPath.<String>read(twice.getContentAsString(), "$.code")).isEqualTo("MEMBER_EMAIL_TAKEN");
    assertThat(JsonPath.<String>read(twice.getContentAsString(), "$.detail")).contains("kim@shared.example");
    assertThat(call(json(post("/api/v1/members"), body("Kim", "kim@shared.example")), httpBasic(other.admin(), other.password()))
        .getStatus()).isEqualTo(201);

    Member lee = members.add(org.id(), new MemberDetails("Lee", "lee@shared.example"), "t");
    MockHttpServletResponse taken = call(json(put("/api/v1/members/" + lee.id()), body("Lee", "Kim@shared.example")), admin);
    assertThat(taken.getStatus()).isEqualTo(409);
    assertThat(call(json(put("/api/v1/members/" + lee.id()), body("Lee Chen", "LEE@shared.example")), admin).getStatus())
        .as("his own address in another case").isEqualTo(200);
  }

  @Test
  void only_global_and_user_admins_change_members_billing_admins_and_readers_get_403() throws Exception {
    Given org = tenants.tenant(1);
    String member = org.members().get(0).toString();
    for (Role role : List.of(Role.BILLING_ADMIN, Role.READER)) {
      RequestPostProcessor caller = httpBasic(tenants.account(org, role), "password");
      assertThat(call(json(post("/api/v1/members"), body("X", "x@example.com")), caller).getStatus()).as(role.name()).isEqualTo(403);
      assertThat(call(json(put("/api/v1/members/" + member), body("X", "x@example.com")), caller).getStatus()).isEqualTo(403);
      assertThat(call(delete("/api/v1/members/" + member), caller).getStatus()).isEqualTo(403);
      assertThat(call(post("/api/v1/members/import").contentType("text/csv").content("displayName,email\nX,x@example.com\n"), caller)
          .getStatus()).isEqualTo(403);
      assertThat(call(get("/api/v1/members"), caller).getStatus()).as("everyone reads").isEqualTo(200);
    }
    assertThat(members.search(org.id(), null, PageRequest.FIRST).total()).isEqualTo(1);
  }

  @Test
  void bad_details_are_a_422_with_one_error_per_field() throws Exception {
    Given org = tenants.tenant(0);
    RequestPostProcessor admin = httpBasic(org.admin(), org.password());
    MockHttpServletResponse refused =
        call(json(post("/api/v1/members"), body("x".repeat(201), "not-an-address")), admin);
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field"))
        .containsExactlyInAnyOrder("displayName", "email");
    MockHttpServletResponse blank = call(json(post("/api/v1/members"), body("   ", "a@example.com")), admin);
    assertThat(blank.getStatus()).isEqualTo(422);
    MockHttpServletResponse control = call(json(post("/api/v1/members"), body("Tab\\there", "a@example.com")), admin);
    assertThat(control.getStatus()).isEqualTo(422);
  }

  @Test
  void another_organisations_member_cannot_be_read_edited_or_removed() throws Exception {
    Given mine = tenants.tenant(0);
    Given theirs = tenants.tenant(1);
    tenants.subscription(theirs, 1, 1);
    RequestPostProcessor admin = httpBasic(mine.admin(), mine.password());
    String id = theirs.members().get(0).toString();
    assertThat(call(get("/api/v1/members/" + id), admin).getStatus()).isEqualTo(404);
    assertThat(call(json(put("/api/v1/members/" + id), body("Mine", "mine@example.com")), admin).getStatus()).isEqualTo(404);
    assertThat(call(delete("/api/v1/members/" + id), admin).getStatus()).isEqualTo(404);
    assertThat(members.member(theirs.id(), theirs.members().get(0)).displayName()).isEqualTo("Person 1");
    assertThat(members.licensesOf(theirs.id(), theirs.members().get(0))).hasSize(1);
  }

  @Test
  void search_finds_by_name_or_address_in_any_case_with_percent_and_underscore_as_plain_characters() throws Exception {
    Given org = tenants.tenant(0);
    Given other = tenants.tenant(0);
    members.add(org.id(), new MemberDetails("Zoë Ångström", "zoe@alpha.example"), "t");
    members.add(org.id(), new MemberDetails("Bob 100% Sure", "bob_sure@beta.example"), "t");
    members.add(org.id(), new MemberDetails("Carl", "carl@beta.example"), "t");
    members.add(other.id(), new MemberDetails("Zoë Other", "zoe@other.example"), "t");
    assertThat(names(org, "zoË")).containsExactly("Zoë Ångström");
    assertThat(names(org, "BETA")).containsExactly("Bob 100% Sure", "Carl");
    assertThat(names(org, "100%")).containsExactly("Bob 100% Sure");
    assertThat(names(org, "%")).containsExactly("Bob 100% Sure");
    assertThat(names(org, "b_s")).containsExactly("Bob 100% Sure");
    assertThat(names(org, "_")).containsExactly("Bob 100% Sure");
    assertThat(names(org, "")).hasSize(3);

    MockHttpServletResponse page = call(get("/api/v1/members?q=beta&size=1"), httpBasic(org.admin(), org.password()));
    assertThat(page.getHeader("X-Total-Count")).isEqualTo("2");
    assertThat(page.getHeader("Link")).contains("</api/v1/members?q=beta&page=2&size=1>; rel=\"next\"");
    assertThat(call(get("/api/v1/members?q=" + "x".repeat(255)), httpBasic(org.admin(), org.password())).getStatus())
        .isEqualTo(400);
  }

  private List<String> names(Given org, String query) {
    return members.search(org.id(), query, PageRequest.FIRST).items().stream().map(Member::displayName).toList();
  }
}
