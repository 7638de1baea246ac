package org.billingcenter.billingprofile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.billingcenter.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingProfileRulesTest {

  private static final TenantId TENANT = new TenantId(UUID.fromString("00000000-0000-0000-0000-000000000016"));

  private static BillingProfileChange change(String field, String value) {
    String[] v = {"Alder Studio Limited", "Unit 4, Grand Canal Quay", null, "D02 FX65", "Dublin", null, "IE9876543WA",
        null, "en"};
    String[] names = {"legalName", "addressLine1", "addressLine2", "postalCode", "city", "region", "taxId",
        "purchaseOrder", "invoiceLanguage"};
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(field)) {
        v[i] = value == null ? null : value.replace("\\n", "\n").replace("\\t", "\t").replace("\\0", "\0");
      }
    }
    return new BillingProfileChange(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], true, null);
  }

  @ParameterizedTest(name = "{0} = [{1}] is refused: {2}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      legalName       | NULL                   | legalName       | BILLING_PROFILE_LEGAL_NAME_INVALID
      legalName       | '   '                  | legalName       | BILLING_PROFILE_LEGAL_NAME_INVALID
      legalName       | A\\nB                  | legalName       | BILLING_PROFILE_FIELD_CONTROL_CHARACTERS
      addressLine1    | Quay\\tSide            | addressLine1    | BILLING_PROFILE_FIELD_CONTROL_CHARACTERS
      addressLine2    | \\0                    | addressLine2    | BILLING_PROFILE_FIELD_CONTROL_CHARACTERS
      addressLine1    | NULL                   | addressLine1    | BILLING_PROFILE_ADDRESS_LINE1_REQUIRED
      postalCode      | ''                     | postalCode      | BILLING_PROFILE_POSTAL_CODE_REQUIRED
      city            | ' '                    | city            | BILLING_PROFILE_CITY_REQUIRED
      postalCode      | 123456789012345678901  | postalCode      | BILLING_PROFILE_FIELD_TOO_LONG
      invoiceLanguage | de-DE                  | invoiceLanguage | BILLING_PROFILE_LANGUAGE_UNSUPPORTED
      invoiceLanguage | fr                     | invoiceLanguage | BILLING_PROFILE_LANGUAGE_UNSUPPORTED
      invoiceLanguage | NULL                   | invoiceLanguage | BILLING_PROFILE_LANGUAGE_UNSUPPORTED
      taxId           | DE123456789            | taxId           | BILLING_PROFILE_TAX_ID_COUNTRY
      taxId           | IE12                   | taxId           | BILLING_PROFILE_TAX_ID_FORMAT
      """)
  void a_broken_rule_is_reported_at_its_field(String field, String value, String reportedAt,
      BillingProfileReason reason) {
    BillingProfileRules.Checked checked = BillingProfileRules.check(TENANT, "IE", change(field, value));
    assertThat(checked.valid()).isFalse();
    assertThat(checked.profile()).isNull();
    assertThat(checked.violations()).anySatisfy(v -> {
      assertThat(v.field()).isEqualTo(reportedAt);
      assertThat(v.reason()).isEqualTo(reason);
    });
  }

  @ParameterizedTest(name = "{0} of {1} characters: refused over {2}")
  @CsvSource({"legalName, 201, 200", "addressLine1, 201, 200", "addressLine2, 201, 200", "city, 101, 100",
      "region, 101, 100", "purchaseOrder, 61, 60"})
  void every_field_has_its_length_limit(String field, int length, int max) {
    BillingProfileRules.Checked over = BillingProfileRules.check(TENANT, "IE", change(field, "x".repeat(length)));
    BillingProfileRules.Checked at = BillingProfileRules.check(TENANT, "IE", change(field, "x".repeat(max)));
    assertThat(over.violations()).extracting(BillingProfileRules.Violation::field).contains(field);
    assertThat(over.violations().get(0).arguments()).containsExactly(max);
    assertThat(at.valid()).as(field + " of " + max).isTrue();
  }

  @Test
  void every_broken_rule_is_reported_at_once() {
    BillingProfileChange change = new BillingProfileChange(" ", null, "Floor 2", null, null, null, "FR123", "x".repeat(61),
        "xx", null, null);
    assertThat(BillingProfileRules.check(TENANT, "IE", change).violations())
        .extracting(BillingProfileRules.Violation::field)
        .containsExactly("legalName", "addressLine1", "taxId", "purchaseOrder", "invoiceLanguage");
  }

  @Test
  void a_valid_profile_is_trimmed_blank_fields_cleared_and_the_country_is_the_organisations() {
    BillingProfileChange change = new BillingProfileChange("  Birch Logistics EOOD ", "bul. Tsarigradsko shose 115",
        "  ", "1784", "Sofia", "", " bg 204 567 893 ", " PO-7 ", "bg-BG", null, true);
    BillingProfile p = BillingProfileRules.check(TENANT, "BG", change).profile();
    assertThat(p).isEqualTo(new BillingProfile(TENANT, "Birch Logistics EOOD", "bul. Tsarigradsko shose 115", null,
        "1784", "Sofia", null, "BG", "BG204567893", "PO-7", Locale.forLanguageTag("bg-BG"), false, true));
  }

  @Test
  void a_name_alone_is_a_profile_and_an_emoji_is_text_not_a_control_character() {
    BillingProfileChange change = new BillingProfileChange("Cedar 🌲 Trial", null, null, null, null, null, null, null,
        "zh-TW", false, false);
    assertThat(BillingProfileRules.check(TENANT, "TW", change).valid()).isTrue();
    assertThat(BillingProfileRules.check(TENANT, "TW", new BillingProfileChange("Cedar \uD83C", null, null, null, null,
        null, null, null, "zh-TW", false, false)).violations()).extracting(BillingProfileRules.Violation::reason)
        .containsExactly(BillingProfileReason.BILLING_PROFILE_FIELD_CONTROL_CHARACTERS);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"en, en", "en-IE, en", "fr, fr-FR", "fr-CA, fr-FR", "da-DK, da-DK", "bg, bg-BG", "zh-CN, zh-CN",
      "zh-TW, zh-TW", "zh-HK, zh-TW", "zh-Hant, zh-TW", "zh, zh-CN", "de-DE, en", "ja, en"})
  void an_organisations_language_maps_onto_one_of_the_six_invoice_languages(String locale, String tag) {
    assertThat(InvoiceLanguage.tag(Locale.forLanguageTag(locale))).isEqualTo(tag);
  }
}
