package org.billingcenter.billingprofile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditEvent;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The billing profile through the API and the page, on H2 and PostgreSQL (test organisations are in France). */
class BillingProfileIT extends DatabaseIT {

  private static final String VALID = """
      {"legalName":"Atelier Aulne SARL","addressLine1":"12 rue des Tanneurs","addressLine2":null,
       "postalCode":"69001","city":"Lyon","region":"Auvergne-Rhône-Alpes","taxId":"fr 44 732.829.320",
       "purchaseOrder":"PO-7781","invoiceLanguage":"fr-FR","attachPdf":true,"electronicInvoice":true}
      """;

  @Autowired BillingProfileService profiles;
  @Autowired AuditLog audit;
  @Autowired AccountService accounts;

  Given org;

  @BeforeEach
  void anOrganisation() {
    org = tenants.tenant(0);
  }

  private java.util.List<AuditEvent> changes() {
    return audit.history(org.id(), BillingProfileService.ENTITY, org.id().value().toString());
  }

  private MockHttpServletResponse page(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
  }

  @Test
  void an_organisation_that_never_saved_its_profile_gets_one_made_of_its_name_country_and_language() throws Exception {
    mvc.perform(get("/api/v1/billing-profile").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.legalName").value(org.admin().replace("admin-", "Test Org ")))
        .andExpect(jsonPath("$.country").value("FR"))
        .andExpect(jsonPath("$.invoiceLanguage").value("fr-FR"))
        .andExpect(jsonPath("$.attachPdf").value(false))
        .andExpect(jsonPath("$.addressLine1").doesNotExist())
        .andExpect(jsonPath("$.updatedAt").doesNotExist());
    BillingProfile p = profiles.profile(org.id());
    assertThat(p.country()).isEqualTo("FR");
    assertThat(p.invoiceLanguage()).isEqualTo(Locale.forLanguageTag("fr-FR"));
    assertThat(changes()).isEmpty();
  }

  @Test
  void a_billing_admin_replaces_the_profile_once_and_saving_it_again_changes_and_audits_nothing() throws Exception {
    String billing = tenants.account(org, Role.BILLING_ADMIN);
    mvc.perform(put("/api/v1/billing-profile").with(httpBasic(billing, "password"))
            .contentType(MediaType.APPLICATION_JSON).content(VALID))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.legalName").value("Atelier Aulne SARL"))
        .andExpect(jsonPath("$.taxId").value("FR44732829320"))
        .andExpect(jsonPath("$.addressLine2").doesNotExist())
        .andExpect(jsonPath("$.country").value("FR"))
        .andExpect(jsonPath("$.updatedBy").value(billing))
        .andExpect(jsonPath("$.electronicInvoice").value(true));
    BillingProfile saved = profiles.profile(org.id());
    assertThat(saved.city()).isEqualTo("Lyon");
    assertThat(saved.attachPdf()).isTrue();
    assertThat(changes()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("BILLING_PROFILE_CHANGED");
      assertThat(e.actor()).isEqualTo(billing);
      assertThat(e.before()).contains("legalName=Test Org").contains("city=;").doesNotContain("invoiceLanguage");
      assertThat(e.after()).contains("legalName=Atelier Aulne SARL").contains("taxId=FR44732829320");
    });

    clock.set(START.plusSeconds(3600));
    mvc.perform(put("/api/v1/billing-profile").with(httpBasic(org.admin(), org.password()))
            .contentType(MediaType.APPLICATION_JSON).content(VALID.replace("fr 44 732.829.320", "FR44732829320")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.updatedBy").value(billing));
    assertThat(changes()).hasSize(1);

    mvc.perform(put("/api/v1/billing-profile").with(httpBasic(org.admin(), org.password()))
            .contentType(MediaType.APPLICATION_JSON).content(VALID.replace("\"PO-7781\"", "null")))
        .andExpect(status().isOk());
    assertThat(changes()).hasSize(2).last().satisfies(e -> {
      assertThat(e.before()).isEqualTo("purchaseOrder=PO-7781");
      assertThat(e.after()).isEqualTo("purchaseOrder=");
    });
  }

  @Test
  void invalid_input_is_a_422_with_the_first_code_its_field_and_every_refused_field_in_french_and_changes_nothing()
      throws Exception {
    String body = VALID.replace("\"69001\"", "\"\"").replace("fr 44 732.829.320", "FR45732829320")
        .replace("\"fr-FR\"", "\"de-DE\"");
    mvc.perform(put("/api/v1/billing-profile").with(httpBasic(org.admin(), org.password()))
            .header("Accept-Language", "fr-FR").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("BILLING_PROFILE_POSTAL_CODE_REQUIRED"))
        .andExpect(jsonPath("$.field").value("postalCode"))
        .andExpect(jsonPath("$.detail").value("Saisissez le code postal de l’adresse."))
        .andExpect(jsonPath("$.errors[1].field").value("taxId"))
        .andExpect(jsonPath("$.errors[1].message").value(
            "Ce numéro de TVA FR contient une faute de frappe. Sa clé de contrôle ne correspond pas."))
        .andExpect(jsonPath("$.errors[2].field").value("invoiceLanguage"));
    mvc.perform(put("/api/v1/billing-profile").with(httpBasic(org.admin(), org.password()))
            .contentType(MediaType.APPLICATION_JSON).content(VALID.replace("fr 44 732.829.320", "DE123456789")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("BILLING_PROFILE_TAX_ID_COUNTRY"))
        .andExpect(jsonPath("$.detail").value("Start the VAT number with your country's prefix FR."));
    mvc.perform(put("/api/v1/billing-profile").with(httpBasic(org.admin(), org.password()))
            .contentType(MediaType.APPLICATION_JSON).content("{\"legalName\":\"  \",\"invoiceLanguage\":\"en\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("BILLING_PROFILE_LEGAL_NAME_INVALID"));
    mvc.perform(put("/api/v1/billing-profile").with(httpBasic(org.admin(), org.password()))
            .contentType(MediaType.APPLICATION_JSON).content(VALID.replace("true,\"electronicInvoice\"", "\"yes\",\"electronicInvoice\"")))
        .andExpect(status().isBadRequest());
    assertThat(changes()).isEmpty();
    assertThat(profiles.saved(org.id()).updatedAt()).isNull();
  }

  @Test
  void readers_see_the_profile_user_admins_do_not_and_neither_changes_it() throws Exception {
    String reader = tenants.account(org, Role.READER);
    String users = tenants.account(org, Role.USER_ADMIN);
    mvc.perform(get("/api/v1/billing-profile").with(httpBasic(reader, "password"))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/billing-profile").with(httpBasic(users, "password"))).andExpect(status().isForbidden());
    for (String who : new String[] {reader, users}) {
      mvc.perform(put("/api/v1/billing-profile").with(httpBasic(who, "password"))
              .contentType(MediaType.APPLICATION_JSON).content(VALID))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("NOT_PERMITTED"));
    }
    assertThat(page(users, get("/settings/billing-profile")).getStatus()).isEqualTo(403);
    MockHttpServletResponse readOnly = page(reader, get("/settings/billing-profile"));
    assertThat(readOnly.getStatus()).isEqualTo(200);
    assertThat(readOnly.getContentAsString()).contains("id=\"read-only\"").contains("disabled")
        .doesNotContain("id=\"save\"");
    assertThat(page(reader, post("/settings/billing-profile").with(csrf()).param("legalName", "X")
        .param("invoiceLanguage", "en")).getStatus()).isEqualTo(403);
    assertThat(changes()).isEmpty();
  }

  @Test
  void the_page_shows_the_country_read_only_refuses_bad_fields_in_the_page_language_and_confirms_a_save()
      throws Exception {
    MockHttpServletResponse shown = page(org.admin(), get("/settings/billing-profile").header("Accept-Language", "fr-FR"));
    assertThat(shown.getStatus()).isEqualTo(200);
    assertThat(shown.getContentAsString()).contains("id=\"billing-profile\"").contains("France (FR)")
        .doesNotContain("name=\"country\"").contains(">Български<").contains(">繁體中文<")
        .contains("value=\"fr-FR\" lang=\"fr-FR\" selected");

    MockHttpServletResponse refused = page(org.admin(), post("/settings/billing-profile").with(csrf())
        .header("Accept-Language", "fr-FR").param("legalName", "Atelier Aulne SARL")
        .param("addressLine1", "12 rue des Tanneurs").param("postalCode", "69001").param("city", "")
        .param("taxId", "FR45732829320").param("invoiceLanguage", "fr-FR").param("attachPdf", "true"));
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(refused.getContentAsString()).contains("id=\"city-error\"").contains("Saisissez la ville de l’adresse.")
        .contains("id=\"taxId-error\"").contains("Sa clé de contrôle ne correspond pas")
        .contains("value=\"12 rue des Tanneurs\"");
    assertThat(page(org.admin(), post("/settings/billing-profile").with(csrf()).param("legalName", "A")
        .param("invoiceLanguage", "en").param("attachPdf", "abcd")).getStatus()).isEqualTo(422);
    assertThat(changes()).isEmpty();

    var result = mvc.perform(post("/settings/billing-profile").with(csrf())
        .param("legalName", "Atelier Aulne SARL").param("addressLine1", "12 rue des Tanneurs")
        .param("postalCode", "69001").param("city", "Lyon").param("taxId", "FR 44 732 829 320")
        .param("invoiceLanguage", "zh-TW").param("electronicInvoice", "true")
        .with(user(accounts.loadUserByUsername(org.admin())))).andReturn();
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/settings/billing-profile");
    assertThat(result.getFlashMap().get("notice")).isEqualTo("billingprofile.page.saved");
    BillingProfile p = profiles.profile(org.id());
    assertThat(p.taxId()).isEqualTo("FR44732829320");
    assertThat(p.invoiceLanguage()).isEqualTo(Locale.forLanguageTag("zh-TW"));
    assertThat(p.attachPdf()).isFalse();
    assertThat(p.electronicInvoice()).isTrue();
    assertThat(changes()).hasSize(1);
    assertThat(page(org.admin(), get("/settings/billing-profile")).getContentAsString())
        .contains("value=\"Atelier Aulne SARL\"").contains("value=\"FR44732829320\"").contains("id=\"last-saved\"");
  }

  @Test
  void another_organisation_sees_only_its_own_profile() throws Exception {
    mvc.perform(put("/api/v1/billing-profile").with(httpBasic(org.admin(), org.password()))
        .contentType(MediaType.APPLICATION_JSON).content(VALID)).andExpect(status().isOk());
    Given other = tenants.tenant(0);
    String api = mvc.perform(get("/api/v1/billing-profile").with(httpBasic(other.admin(), other.password())))
        .andReturn().getResponse().getContentAsString();
    String html = page(other.admin(), get("/settings/billing-profile")).getContentAsString();
    for (String answer : new String[] {api, html}) {
      assertThat(answer).doesNotContain("Atelier Aulne").doesNotContain("FR44732829320").doesNotContain("Tanneurs");
    }
    assertThat(profiles.saved(other.id()).updatedAt()).isNull();
  }
}
