package org.billingcenter.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.billingcenter.account.AccountService;
import org.billingcenter.audit.AuditEvent;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.licensing.LicensingService.ListOrder;
import org.billingcenter.licensing.LicensingService.MatchingChange;
import org.billingcenter.shared.MemberId;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.tenant.Member;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewMember;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Users & licenses: members found by a search on either side of a subscription, and "select all
 * matching" assigned or unassigned in one action, all or none, never above the quantity.
 */
class AssigningLicensesIT extends DatabaseIT {

  @Autowired LicensingService licensing;
  @Autowired TenantService tenantService;
  @Autowired SubscriptionService subscriptions;
  @Autowired AccountService accounts;
  @Autowired AuditLog audit;

  private List<Member> add(Given org, String... nameAndEmail) {
    List<NewMember> people = new ArrayList<>();
    for (int i = 0; i < nameAndEmail.length; i += 2) {
      people.add(new NewMember(nameAndEmail[i], nameAndEmail[i + 1]));
    }
    return tenantService.addMembers(org.id(), people, "test");
  }

  /** {@code n} members named "{prefix} {i}" with addresses {prefix}.{i}@{domain}. */
  private List<Member> addMany(Given org, String prefix, int n) {
    String domain = org.admin() + ".example";
    return tenantService.addMembers(org.id(), IntStream.rangeClosed(1, n)
        .mapToObj(i -> new NewMember(prefix + " " + i, prefix.toLowerCase() + "." + i + "@" + domain)).toList(), "test");
  }

  private List<String> names(org.billingcenter.shared.Page<Member> page) {
    return page.items().stream().map(Member::displayName).toList();
  }

  private RequestPostProcessor as(Given org) {
    return user(accounts.loadUserByUsername(org.admin()));
  }

  @Test
  void a_search_finds_members_by_a_piece_of_the_name_or_the_email_in_any_case() {
    Given org = tenants.tenant(0);
    add(org, "Ada Lovelace", "ada@analytical.example", "Grace Hopper", "grace@navy.example",
        "Alan Turing", "alan@bletchley.example", "Zoë Ångström", "zoe@ANALYTICAL.example");
    Subscription s = tenants.subscription(org, 10, 0);
    assertThat(names(licensing.candidates(org.id(), s.id(), "LOVE", ListOrder.NAME, PageRequest.FIRST)))
        .containsExactly("Ada Lovelace");
    assertThat(names(licensing.candidates(org.id(), s.id(), "analytical", ListOrder.NAME, PageRequest.FIRST)))
        .containsExactly("Ada Lovelace", "Zoë Ångström");
    assertThat(names(licensing.candidates(org.id(), s.id(), "  navy.EX ", ListOrder.NAME, PageRequest.FIRST)))
        .containsExactly("Grace Hopper");
    assertThat(names(licensing.candidates(org.id(), s.id(), "ång", ListOrder.NAME, PageRequest.FIRST)))
        .as("case folding beyond ASCII where the database folds it; the exact case always matches")
        .isSubsetOf("Zoë Ångström");
    assertThat(names(licensing.candidates(org.id(), s.id(), "Ång", ListOrder.NAME, PageRequest.FIRST)))
        .containsExactly("Zoë Ångström");
    assertThat(licensing.candidates(org.id(), s.id(), "", ListOrder.NAME, PageRequest.FIRST).total()).isEqualTo(4);
    assertThat(licensing.candidates(org.id(), s.id(), null, ListOrder.NAME, PageRequest.FIRST).total()).isEqualTo(4);
    assertThat(licensing.candidates(org.id(), s.id(), "nobody", ListOrder.NAME, PageRequest.FIRST).total()).isZero();
  }

  @Test
  void percent_underscore_and_the_escape_character_are_literal_characters_in_a_search() {
    Given org = tenants.tenant(0);
    add(org, "Sales 100% team", "sales@pct.example", "Sales 1000 team", "sales1000@pct.example",
        "a_b underscore", "a_b@us.example", "axb no underscore", "axb@us.example", "Bang! Bang", "bang@x.example",
        "Bang Bang", "bangbang@x.example");
    Subscription s = tenants.subscription(org, 10, 0);
    assertThat(names(licensing.candidates(org.id(), s.id(), "100%", ListOrder.NAME, PageRequest.FIRST)))
        .containsExactly("Sales 100% team");
    assertThat(names(licensing.candidates(org.id(), s.id(), "a_b", ListOrder.NAME, PageRequest.FIRST)))
        .containsExactly("a_b underscore");
    assertThat(names(licensing.candidates(org.id(), s.id(), "%", ListOrder.NAME, PageRequest.FIRST)))
        .containsExactly("Sales 100% team");
    assertThat(names(licensing.candidates(org.id(), s.id(), "_", ListOrder.NAME, PageRequest.FIRST)))
        .containsExactly("a_b underscore");
    assertThat(names(licensing.candidates(org.id(), s.id(), "g!", ListOrder.NAME, PageRequest.FIRST)))
        .containsExactly("Bang! Bang");
  }

  @Test
  void another_tenants_members_never_appear_and_are_never_assigned_by_a_search() {
    Given mine = tenants.tenant(0);
    Given theirs = tenants.tenant(0);
    add(mine, "Mia Shared", "mia@mine.example");
    add(theirs, "Mia Shared", "mia@theirs.example", "Mike Shared", "mike@theirs.example");
    Subscription s = tenants.subscription(mine, 5, 0);
    Subscription other = tenants.subscription(theirs, 5, 0);
    assertThat(licensing.candidates(mine.id(), s.id(), "shared", ListOrder.NAME, PageRequest.FIRST).items())
        .extracting(Member::email).containsExactly("mia@mine.example");
    assertThat(licensing.assignMatching(mine.id(), s.id(), "shared", "test").changed()).isEqualTo(1);
    assertThat(licensing.holders(mine.id(), s.id(), "", ListOrder.NAME, PageRequest.FIRST).items())
        .extracting(Member::email).containsExactly("mia@mine.example");
    assertThatThrownBy(() -> licensing.candidates(mine.id(), other.id(), "", ListOrder.NAME, PageRequest.FIRST))
        .isInstanceOf(Rejected.class);
    assertThatThrownBy(() -> licensing.assignMatching(mine.id(), other.id(), "", "test")).isInstanceOf(Rejected.class);
    assertThat(licensing.holders(theirs.id(), other.id(), "", ListOrder.NAME, PageRequest.FIRST).total()).isZero();
  }

  @Test
  void thirty_members_found_by_a_search_are_assigned_with_select_all_in_one_action() throws Exception {
    Given org = tenants.tenant(0);
    addMany(org, "Sales", 30);
    addMany(org, "Support", 12);
    Subscription s = tenants.subscription(org, 40, 0);
    mvc.perform(get("/api/v1/subscriptions/" + s.id() + "/license-candidates?q=SALES&size=10").with(as(org)))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Total-Count", "30"))
        .andExpect(jsonPath("$.length()").value(10))
        .andExpect(jsonPath("$[0].email").exists());
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/licenses/assign-matching")
            .contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"sales\"}").with(as(org)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(30))
        .andExpect(jsonPath("$.assigned").value(30))
        .andExpect(jsonPath("$.quantity").value(40));
    assertThat(tenants.assigned(org, s)).isEqualTo(30);
    mvc.perform(get("/api/v1/subscriptions/" + s.id() + "/licenses?q=sales 1").with(as(org)))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Total-Count", "11")) // Sales 1, 10..19
        .andExpect(jsonPath("$.members[0].displayName").exists());
    assertThat(licensing.candidates(org.id(), s.id(), "sales", ListOrder.NAME, PageRequest.FIRST).total()).isZero();
    List<AuditEvent> trail = audit.history(org.id(), "subscription", s.id().toString());
    assertThat(trail).filteredOn(e -> e.action().equals("LICENSES_ASSIGNED")).singleElement()
        .satisfies(e -> assertThat(e.before() + " -> " + e.after()).isEqualTo("0 assigned -> 30 assigned"));
  }

  @Test
  void not_enough_licenses_for_all_matching_assigns_nobody_and_says_how_many_are_missing() throws Exception {
    Given org = tenants.tenant(0);
    addMany(org, "Sales", 30);
    Subscription s = tenants.subscription(org, 25, 0);
    licensing.assign(org.id(), s.id(), List.of(
        licensing.candidates(org.id(), s.id(), "sales 1", ListOrder.NAME, PageRequest.FIRST).items().get(0).id()), "test");
    assertThatThrownBy(() -> licensing.assignMatching(org.id(), s.id(), "sales", "test"))
        .isInstanceOfSatisfying(NotEnoughSeats.class, e -> assertThat(e.missing()).isEqualTo(29 - 24));
    assertThat(tenants.assigned(org, s)).isEqualTo(1);
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/licenses/assign-matching").header("Accept-Language", "fr-FR")
            .contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"sales\"}").with(as(org)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("NOT_ENOUGH_SEATS"))
        .andExpect(jsonPath("$.missing").value(5))
        .andExpect(jsonPath("$.detail").exists());
    List<MemberId> ids = licensing.candidates(org.id(), s.id(), "sales", ListOrder.ID, new PageRequest(1, 30)).items()
        .stream().map(Member::id).toList();
    assertThatThrownBy(() -> licensing.assign(org.id(), s.id(), ids, "test"))
        .isInstanceOfSatisfying(NotEnoughSeats.class, e -> assertThat(e.missing()).isEqualTo(5));
    assertThat(tenants.assigned(org, s)).isEqualTo(1);
    assertThat(audit.history(org.id(), "subscription", s.id().toString()))
        .filteredOn(e -> e.action().equals("LICENSES_ASSIGNED")).hasSize(1);
  }

  @Test
  void unassign_matching_takes_back_the_seats_of_every_matching_holder_only() throws Exception {
    Given org = tenants.tenant(0);
    addMany(org, "Sales", 8);
    addMany(org, "Support", 4);
    Subscription s = tenants.subscription(org, 20, 0);
    assertThat(licensing.assignMatching(org.id(), s.id(), "", "test")).isEqualTo(new MatchingChange(12, 12, 20));
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/licenses/unassign-matching")
            .contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"SUPPORT\"}").with(as(org)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(4))
        .andExpect(jsonPath("$.assigned").value(8));
    assertThat(names(licensing.holders(org.id(), s.id(), "support", ListOrder.NAME, PageRequest.FIRST))).isEmpty();
    assertThat(licensing.holders(org.id(), s.id(), "sales", ListOrder.NAME, PageRequest.FIRST).total()).isEqualTo(8);
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/licenses/unassign-matching")
            .contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"support\"}").with(as(org)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("NO_MATCHING_MEMBERS"));
    assertThat(tenants.assigned(org, s)).isEqualTo(8);
  }

  @Test
  void a_search_is_bounded_in_length() throws Exception {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 2, 0);
    String tooLong = "x".repeat(MemberSearch.MAX_LENGTH + 1);
    mvc.perform(get("/api/v1/subscriptions/" + s.id() + "/license-candidates").param("q", tooLong).with(as(org)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("SEARCH_TOO_LONG"));
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/licenses/assign-matching")
            .contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"" + tooLong + "\"}").with(as(org)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/licenses/assign-matching")
            .contentType(MediaType.APPLICATION_JSON).content("{}").with(as(org)))
        .andExpect(status().isUnprocessableContent());
    assertThat(tenants.assigned(org, s)).isZero();
  }

  @Test
  void both_lists_are_paged_in_a_stable_order_with_the_search_kept_in_the_links() throws Exception {
    Given org = tenants.tenant(0);
    addMany(org, "Sales", 45);
    addMany(org, "Support", 5);
    Subscription s = tenants.subscription(org, 50, 0);
    licensing.assignMatching(org.id(), s.id(), "sales 2", "test"); // Sales 2, 20..29
    assertThat(licensing.candidates(org.id(), s.id(), "sales", ListOrder.NAME, new PageRequest(4, 10)).items())
        .hasSize(4);
    mvc.perform(get("/api/v1/subscriptions/" + s.id() + "/license-candidates?q=sales&size=10&page=2").with(as(org)))
        .andExpect(header().string("X-Total-Count", "34"))
        .andExpect(header().string("Link", containsString(
            "/api/v1/subscriptions/" + s.id() + "/license-candidates?q=sales&page=3&size=10>; rel=\"next\"")));
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 4; page++) {
      seen.addAll(names(licensing.candidates(org.id(), s.id(), "sales", ListOrder.NAME, new PageRequest(page, 10))));
    }
    assertThat(seen).hasSize(34).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void ten_thousand_members_are_assigned_in_one_request() throws Exception {
    Given org = tenants.tenant(0);
    long seeding = System.nanoTime();
    for (int batch = 0; batch < 10; batch++) {
      addMany(org, "Staff" + batch, 1_000);
    }
    System.out.printf("10,000 members added in %d ms%n", (System.nanoTime() - seeding) / 1_000_000);
    Subscription s = tenants.subscription(org, 10_000, 0);
    // The first API exchange of a test JVM builds the OpenAPI contract check (seconds): not timed.
    mvc.perform(get("/api/v1/subscriptions/" + s.id() + "/license-candidates?size=1").with(as(org)))
        .andExpect(header().string("X-Total-Count", "10000"));
    long started = System.nanoTime();
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/licenses/assign-matching")
            .contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"staff\"}").with(as(org)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(10_000));
    System.out.printf("assign-matching of 10,000 members: %d ms%n", (System.nanoTime() - started) / 1_000_000);
    started = System.nanoTime();
    assertThat(licensing.unassignMatching(org.id(), s.id(), "", "test").assigned()).isZero();
    System.out.printf("unassign-matching of 10,000 members: %d ms%n", (System.nanoTime() - started) / 1_000_000);
    List<MemberId> everyone = new ArrayList<>();
    for (int page = 1; page <= 50; page++) {
      licensing.candidates(org.id(), s.id(), "", ListOrder.ID, new PageRequest(page, 200)).items()
          .forEach(m -> everyone.add(m.id()));
    }
    started = System.nanoTime();
    assertThat(licensing.assign(org.id(), s.id(), everyone, "test")).hasSize(10_000);
    System.out.printf("assign of 10,000 member ids: %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertThat(subscriptions.get(org.id(), s.id()).assignedLicenses()).isEqualTo(10_000);
  }
}
