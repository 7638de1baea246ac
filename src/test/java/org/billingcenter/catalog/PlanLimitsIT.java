package org.billingcenter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.shared.BillingFrequency;
import org.billingcenter.shared.Limits;
import org.billingcenter.shared.Money;
import org.billingcenter.shared.Rejected;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TenantFingerprint;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every number an operator or admin sends is bounded (see {@link Limits}) and refused with 422
 * VALIDATION_FAILED beyond it; an amount that would overflow a long is a 422 too, never a 500.
 */
class PlanLimitsIT extends DatabaseIT {

  @Autowired AccountService accounts;
  @Autowired TransactionTemplate transaction;
  @Autowired CatalogService catalog;
  @Autowired JdbcClient jdbc;

  private String operator;

  @BeforeEach
  void anOperator() {
    operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(
        s -> accounts.createOperatorAccount(new AdminAccount(operator, null, "Op", Set.of(Role.OPERATOR), null), "Quiet-Harbor-Lantern-42"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "trialDays, -1", "trialDays, 366", "trialDays, 2147483647", "trialLicenses, -1", "trialLicenses, 100001",
    "unitPriceMinor, -1", "unitPriceMinor, 10000000001", "unitPriceMinor, 9223372036854775807",
    "currency, '\"XYZ\"'", "currency, '\"XAU\"'", "maxQuantity, 0", "maxQuantity, 100001",
    "upgradeRank, -1", "upgradeRank, 1001"
  })
  void a_plan_with_a_number_out_of_bounds_or_an_unknown_currency_is_refused_field_by_field(String field, String value)
      throws Exception {
    String id = "limits-" + UUID.randomUUID().toString().substring(0, 8);
    String body = """
        {"id":"%s","productId":"limits","productName":"Limits","unitPriceMinor":100,"currency":"EUR",
         "billingFrequency":"MONTHLY","commitmentTerm":"MONTHLY","trialDays":30,"trialLicenses":25,
         "maxQuantity":5,"upgradeRank":1}
        """.formatted(id).replaceFirst("\"" + field + "\":(\"[A-Z]+\"|[0-9]+)", "\"" + field + "\":" + value);
    mvc.perform(post("/api/v1/plans").with(httpBasic(operator, "Quiet-Harbor-Lantern-42")).header("Accept-Language", "da-DK")
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field").value(field));
    assertThat(catalog.plans()).noneMatch(p -> p.id().equals(id));
  }

  @Test
  void an_unknown_currency_is_explained_in_the_callers_language() throws Exception {
    mvc.perform(post("/api/v1/plans").with(httpBasic(operator, "Quiet-Harbor-Lantern-42")).header("Accept-Language", "da-DK")
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                {"id":"limits-xyz","productId":"limits","productName":"Limits","unitPriceMinor":100,"currency":"XYZ",
                 "billingFrequency":"MONTHLY","commitmentTerm":"MONTHLY"}
                """))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value("skal være en kendt ISO 4217-valutakode med en mindste enhed, f.eks. EUR"));
  }

  @Test
  void the_largest_allowed_plan_is_accepted() throws Exception {
    String id = "limits-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(post("/api/v1/plans").with(httpBasic(operator, "Quiet-Harbor-Lantern-42")).contentType(MediaType.APPLICATION_JSON)
            .content("""
                {"id":"%s","productId":"limits","productName":"Limits","unitPriceMinor":%d,"currency":"JPY",
                 "billingFrequency":"ANNUAL","commitmentTerm":"ANNUAL","trialDays":%d,"trialLicenses":%d,
                 "maxQuantity":%d,"upgradeRank":%d}
                """.formatted(id, Limits.MAX_UNIT_PRICE_MINOR, Limits.MAX_TRIAL_DAYS, Limits.MAX_QUANTITY,
                    Limits.MAX_QUANTITY, Plan.MAX_UPGRADE_RANK)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.maxQuantity").value(Limits.MAX_QUANTITY))
        .andExpect(jsonPath("$.upgradeRank").value(Plan.MAX_UPGRADE_RANK));
  }

  @Test
  void the_catalog_service_keeps_any_caller_inside_the_bounds() {
    Plan negative = new Plan("limits-neg", "limits", "Limits", Money.of(100, "EUR"), BillingFrequency.MONTHLY,
        BillingFrequency.MONTHLY, -1, 25);
    assertThatThrownBy(() -> catalog.addPlan(negative))
        .isInstanceOf(Rejected.class)
        .extracting(e -> ((Rejected) e).reason())
        .isEqualTo(CatalogReason.PLAN_OUT_OF_RANGE);
  }

  @ParameterizedTest
  @CsvSource({"0", "100001", "2147483647"})
  void a_purchase_quantity_out_of_bounds_is_a_validation_failure(int quantity) throws Exception {
    Given org = tenants.tenant(0);
    mvc.perform(post("/api/v1/subscriptions").with(httpBasic(org.admin(), org.password()))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"planId\":\"test-monthly-eur\",\"quantity\":%d,\"paymentMethodId\":\"%s\"}".formatted(quantity, org.card())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field").value("quantity"));
  }

  @Test
  void a_price_times_quantity_beyond_a_long_is_refused_not_a_server_error() throws Exception {
    // A plan stored before the bounds existed: only the database can still hold such a price.
    String id = "huge-" + UUID.randomUUID().toString().substring(0, 8);
    Given org = tenants.tenant(0);
    jdbc.sql("""
            insert into plan (plan_id, product_id, unit_price_minor, currency, billing_frequency, commitment_term,
                              trial_days, trial_licenses)
            values (:id, 'test-product', :price, 'EUR', 'MONTHLY', 'MONTHLY', 30, 25)
            """)
        .param("id", id).param("price", Long.MAX_VALUE / 2).update();
    String before = TenantFingerprint.of(jdbc, org.id());
    mvc.perform(post("/api/v1/subscriptions").with(httpBasic(org.admin(), org.password()))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"planId\":\"%s\",\"quantity\":5,\"paymentMethodId\":\"%s\"}".formatted(id, org.card())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("AMOUNT_TOO_LARGE"));
    assertThat(TenantFingerprint.of(jdbc, org.id())).isEqualTo(before);
  }
}
