package org.billingcenter.billingprofile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxIdFormatTest {

  @ParameterizedTest(name = "{0}: {1} is kept as {2}")
  @CsvSource(delimiter = '|', textBlock = """
      AT | ATU12345678           | ATU12345678
      BE | BE 0403.019.261       | BE0403019261
      BE | be0403019261          | BE0403019261
      BG | BG204567893           | BG204567893
      BG | BG2045678931          | BG2045678931
      CY | CY12345678L           | CY12345678L
      CZ | CZ12345678            | CZ12345678
      CZ | CZ1234567890          | CZ1234567890
      DE | DE 123 456 789        | DE123456789
      DK | DK 13 58 56 28        | DK13585628
      EE | EE123456789           | EE123456789
      GR | EL123456789           | EL123456789
      ES | ES-B12345678          | ESB12345678
      ES | ES12345678Z           | ES12345678Z
      FI | FI12345678            | FI12345678
      FR | FR 40 303 265 045     | FR40303265045
      FR | FRK7399859412         | FRK7399859412
      HR | HR12345678901         | HR12345678901
      HU | HU12345678            | HU12345678
      IE | IE 9876543 WA         | IE9876543WA
      IE | IE1234567T            | IE1234567T
      IE | IE1A23456B            | IE1A23456B
      IT | IT 007 431 101 57     | IT00743110157
      LT | LT123456789           | LT123456789
      LT | LT123456789012        | LT123456789012
      LU | LU12345678            | LU12345678
      LV | LV12345678901         | LV12345678901
      MT | MT12345678            | MT12345678
      NL | NL123456789B01        | NL123456789B01
      PL | PL1234567890          | PL1234567890
      PT | PT123456789           | PT123456789
      RO | RO18547290            | RO18547290
      SE | SE123456789001        | SE123456789001
      SI | SI12345678            | SI12345678
      SK | SK1234567890          | SK1234567890
      TW | 12345675              | 12345675
      US | 12-3456789            | 12-3456789
      GB | gb 123 4567 89        | GB 123 4567 89
      CH | CHE-123.456.789 MWST  | CHE-123.456.789 MWST
      """)
  void a_well_formed_tax_id_is_accepted_and_normalised(String country, String typed, String kept) {
    TaxIdFormat.Checked checked = TaxIdFormat.check(country, typed);
    assertThat(checked.reason()).isNull();
    assertThat(checked.normalised()).isEqualTo(kept);
  }

  @ParameterizedTest(name = "{0}: {1} is refused with {2}")
  @CsvSource(delimiter = '|', textBlock = """
      IE | 9876543WA             | BILLING_PROFILE_TAX_ID_COUNTRY
      IE | DE123456789           | BILLING_PROFILE_TAX_ID_COUNTRY
      GR | GR123456789           | BILLING_PROFILE_TAX_ID_COUNTRY
      FR | BE0403019261          | BILLING_PROFILE_TAX_ID_COUNTRY
      AT | AT12345678            | BILLING_PROFILE_TAX_ID_FORMAT
      BE | BE2403019261          | BILLING_PROFILE_TAX_ID_FORMAT
      BE | BE403019261           | BILLING_PROFILE_TAX_ID_FORMAT
      BG | BG12345678            | BILLING_PROFILE_TAX_ID_FORMAT
      DE | DE12345678            | BILLING_PROFILE_TAX_ID_FORMAT
      DE | DE1234567890          | BILLING_PROFILE_TAX_ID_FORMAT
      DE | DE12345678X           | BILLING_PROFILE_TAX_ID_FORMAT
      ES | ES123456789           | BILLING_PROFILE_TAX_ID_FORMAT
      FR | FRI0303265045         | BILLING_PROFILE_TAX_ID_FORMAT
      NL | NL123456789A01        | BILLING_PROFILE_TAX_ID_FORMAT
      RO | RO0123                | BILLING_PROFILE_TAX_ID_FORMAT
      SE | SE123456789002        | BILLING_PROFILE_TAX_ID_FORMAT
      IT | IT0074311015         | BILLING_PROFILE_TAX_ID_FORMAT
      DE | DE12345678901234567890123456789012345678901 | BILLING_PROFILE_TAX_ID_FORMAT
      BE | BE0403019262          | BILLING_PROFILE_TAX_ID_CHECKSUM
      DK | DK13585627            | BILLING_PROFILE_TAX_ID_CHECKSUM
      FR | FR41303265045         | BILLING_PROFILE_TAX_ID_CHECKSUM
      IT | IT00743110158         | BILLING_PROFILE_TAX_ID_CHECKSUM
      TW | 12345675 <b>          | BILLING_PROFILE_TAX_ID_INVALID
      US | 12_3456789            | BILLING_PROFILE_TAX_ID_INVALID
      US | ÉTÉ1                  | BILLING_PROFILE_TAX_ID_INVALID
      GB | 12345678901234567890123456789012345678901 | BILLING_PROFILE_TAX_ID_INVALID
      """)
  void a_malformed_tax_id_is_refused_with_its_reason(String country, String typed, BillingProfileReason reason) {
    TaxIdFormat.Checked checked = TaxIdFormat.check(country, typed);
    assertThat(checked.reason()).isEqualTo(reason);
    assertThat(checked.normalised()).isNull();
  }

  @ParameterizedTest(name = "{0} in the EU: {1}, VAT prefix {2}")
  @CsvSource({"GR, true, EL", "gr, true, EL", "IE, true, IE", "BG, true, BG", "DE, true, DE", "GB, false, GB",
      "CH, false, CH", "TW, false, TW", "NO, false, NO"})
  void the_27_member_states_have_vat_numbers_and_greece_writes_el(String country, boolean eu, String prefix) {
    assertThat(TaxIdFormat.isEu(country)).isEqualTo(eu);
    assertThat(TaxIdFormat.vatPrefix(country)).isEqualTo(prefix);
  }
}
