package org.billingcenter.billing;

import org.billingcenter.shared.CsvCells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The CSV exports through the API and the Invoices & credits page: what is in them, their headers
 * and language, the refusals with their codes, who may export, and that an organisation exports only
 * its own documents.
 */
class ExportsIT extends DatabaseIT {

  static final String YEAR = "from=2026-01-01&to=2026-12-31";

  @Autowired AccountService accounts;
  @Autowired CancellationService cancellations;
  @Autowired BillingService billing;

  private RequestPostProcessor as(String username) {
    return user(accounts.loadUserByUsername(username));
  }

  private MockHttpServletResponse export(String path, String username, String language) throws Exception {
    return mvc.perform(get(path).header("Accept-Language", language).with(as(username))).andReturn().getResponse();
  }

  private static String body(MockHttpServletResponse response) {
    return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
  }

  /** A tenant that bought 5 licenses at 10.00 on 10 March and cancelled 3 of them... all of it on 20 March. */
  private record Bought(Given org, Subscription subscription) {}

  private Bought boughtAndCancelled() {
    Given org = tenants.tenant(0);
    Subscription s = tenants.subscription(org, 5, 0);
    clock.set(Instant.parse("2026-03-20T10:00:00Z"));
    cancellations.cancel(org.id(), s.id(), new Canceller(org.admin(), Set.of(Role.GLOBAL_ADMIN), null),
        new CancellationService.Request(CancelWhen.NOW, LeavingReason.TOO_EXPENSIVE, null));
    return new Bought(org, s);
  }

  @Test
  void the_invoices_export_streams_a_bom_an_english_header_and_one_machine_readable_row_per_invoice() throws Exception {
    Bought b = boughtAndCancelled();
    MockHttpServletResponse response = export("/api/v1/exports/invoices.csv?" + YEAR, b.org().admin(), "en");
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).isEqualToIgnoringWhitespace("text/csv;charset=UTF-8");
    assertThat(response.getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"invoices-2026-01-01-2026-12-31.csv\"");
    String csv = body(response);
    assertThat(csv).startsWith("\uFEFFNumber,Document type,Status,Issue date,Due date,Currency,Charged,Credited,Refunded,Total\r\n");
    List<String> rows = csv.lines().skip(1).toList();
    assertThat(rows).hasSize(billing.invoices(b.org().id()).size()).isNotEmpty();
    assertThat(rows).anySatisfy(row -> assertThat(row).contains(",INVOICE,").contains(",2026-03-10,").contains(",EUR,")
        .endsWith(",50.00"));
  }

  @Test
  void lines_carry_subscription_period_with_its_last_day_quantity_and_unit_price() throws Exception {
    Bought b = boughtAndCancelled();
    String csv = body(export("/api/v1/exports/invoice-lines.csv?" + YEAR, b.org().admin(), "en"));
    assertThat(csv.lines().skip(1).toList()).anySatisfy(row -> assertThat(row)
        .contains("," + b.subscription().id() + ",2026-03-10,2026-04-09,5,10.00,50.00,EUR"));
  }

  @Test
  void credits_name_their_subscription_amount_status_and_dates_in_french_headers() throws Exception {
    Bought b = boughtAndCancelled();
    String csv = body(export("/api/v1/exports/credits.csv?" + YEAR, b.org().admin(), "fr-FR"));
    assertThat(csv).startsWith("\uFEFFID de l’avoir,Abonnement,Produit,");
    // 5 × 10.00 × 21 unused days of 31 = 33.87 (half-up), pending until the billing date.
    assertThat(csv.lines().skip(1).toList()).singleElement().satisfies(row -> assertThat(row)
        .contains("," + b.subscription().id() + ",").contains(",EUR,PENDING,2026-03-20,"));
    Credit credit = billing.credits(b.org().id()).get(0);
    assertThat(csv).contains("," + CsvCells.amount(credit.amount()) + ",EUR,");
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource({
      "'',                             422, EXPORT_DATES_REQUIRED",
      "from=2026-01-01,                422, EXPORT_DATES_REQUIRED",
      "from=2026-02-30&to=2026-12-31,  422, EXPORT_DATE_INVALID",
      "from=x&to=2026-12-31,           422, EXPORT_DATE_INVALID",
      "from=2026-12-31&to=2026-01-01,  422, EXPORT_RANGE_REVERSED",
      "from=2025-01-01&to=2026-12-31,  422, EXPORT_RANGE_TOO_LONG",
  })
  void bad_ranges_are_refused_with_a_localised_problem_and_a_stable_code(String query, int status, String code)
      throws Exception {
    Given org = tenants.tenant(0);
    for (String path : List.of("/api/v1/exports/invoices.csv", "/api/v1/exports/invoice-lines.csv", "/api/v1/exports/credits.csv")) {
      MockHttpServletResponse response = export(path + "?" + query, org.admin(), "fr-FR");
      assertThat(response.getStatus()).as(path).isEqualTo(status);
      assertThat(response.getContentType()).startsWith("application/problem+json");
      String json = body(response);
      assertThat((String) JsonPath.read(json, "$.code")).isEqualTo(code);
      assertThat((String) JsonPath.read(json, "$.detail")).doesNotStartWith("error.").matches(".*[éèàùôû’].*|.*\\d.*");
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"BILLING_ADMIN, 200", "READER, 200", "USER_ADMIN, 403"})
  void global_and_billing_admins_and_readers_may_export_user_admins_may_not(Role role, int status) throws Exception {
    Given org = tenants.tenant(0);
    String username = tenants.account(org, role);
    assertThat(export("/api/v1/exports/invoices.csv?" + YEAR, username, "en").getStatus()).isEqualTo(status);
    assertThat(export("/billing/exports/credits.csv?" + YEAR, username, "en").getStatus()).isEqualTo(status);
  }

  @Test
  void another_organisation_exports_only_its_own_header() throws Exception {
    Bought victim = boughtAndCancelled();
    Given attacker = tenants.tenant(0);
    for (String what : List.of("invoices", "invoice-lines", "credits")) {
      for (String path : List.of("/api/v1/exports/" + what + ".csv?" + YEAR, "/billing/exports/" + what + ".csv?" + YEAR)) {
        String csv = body(export(path, attacker.admin(), "en"));
        assertThat(csv.lines().toList()).as(path).hasSize(1);
        assertThat(csv).doesNotContain(victim.subscription().id().toString());
      }
    }
  }

  @Test
  void the_page_download_has_its_header_in_the_pages_language() throws Exception {
    Bought b = boughtAndCancelled();
    MockHttpServletResponse response = mvc.perform(get("/billing/exports/invoice-lines.csv?" + YEAR)
        .param("lang", "bg-BG").with(as(b.org().admin()))).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Content-Disposition")).contains("invoice-lines-2026-01-01-2026-12-31.csv");
    assertThat(body(response)).startsWith("\uFEFFНомер,Ред,Вид на реда,");
  }

  @Test
  void a_refused_page_export_goes_back_to_the_invoices_page_with_the_reason_in_its_language_and_the_dates_as_typed()
      throws Exception {
    Given org = tenants.tenant(0);
    MvcResult refused = mvc.perform(get("/billing/exports/invoices.csv?from=2026-12-31&to=2026-01-01")
        .param("lang", "fr-FR").with(as(org.admin()))).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(302);
    assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/billing/invoices#exports");
    String page = mvc.perform(get("/billing/invoices").param("lang", "fr-FR").flashAttrs(refused.getFlashMap())
        .with(as(org.admin()))).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("La date de début ne peut pas être postérieure à la date de fin.")
        .contains("value=\"2026-12-31\"").contains("value=\"2026-01-01\"");
  }

  @Test
  void the_invoices_page_offers_this_year_to_exporters_only() throws Exception {
    Given org = tenants.tenant(0);
    String page = mvc.perform(get("/billing/invoices").with(as(org.admin()))).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"exports\"").contains("value=\"2026-01-01\"").contains("value=\"2026-12-31\"")
        .contains("/billing/exports/credits.csv");
    String userAdmin = tenants.account(org, Role.USER_ADMIN);
    MockHttpServletResponse forUserAdmin = mvc.perform(get("/billing/invoices").with(as(userAdmin))).andReturn().getResponse();
    assertThat(forUserAdmin.getContentAsString()).doesNotContain("id=\"exports\"");
  }

  @Test
  void an_unknown_export_is_not_found() throws Exception {
    Given org = tenants.tenant(0);
    assertThat(mvc.perform(get("/billing/exports/members.csv?" + YEAR).with(as(org.admin()))).andReturn()
        .getResponse().getStatus()).isEqualTo(404);
  }
}
