package org.billingcenter.billingprofile;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The format of an organisation's VAT or tax ID. In the EU it is a VAT number: the country's prefix
 * (Greece: {@code EL}), then the national format as VIES describes it, with the checksum where it is
 * short and well known (Belgium, Denmark, France, Italy); elsewhere free text of up to 40 letters,
 * digits, spaces and {@code - . /}. People type spaces, dots and dashes in VAT numbers: they are
 * dropped before checking, and the number is kept in upper case without them.
 */
public final class TaxIdFormat {

  /** Longest tax ID kept (the longest EU VAT number has 14 characters). */
  public static final int MAX_LENGTH = 40;

  /** The national part of each member state's VAT number, after its prefix. */
  private static final Map<String, Pattern> EU = Map.ofEntries(
      eu("AT", "U\\d{8}"), eu("BE", "[01]\\d{9}"), eu("BG", "\\d{9,10}"), eu("CY", "\\d{8}[A-Z]"),
      eu("CZ", "\\d{8,10}"), eu("DE", "\\d{9}"), eu("DK", "\\d{8}"), eu("EE", "\\d{9}"), eu("EL", "\\d{9}"),
      eu("ES", "[A-Z]\\d{7}[A-Z0-9]|\\d{8}[A-Z]"), eu("FI", "\\d{8}"), eu("FR", "[A-HJ-NP-Z0-9]{2}\\d{9}"),
      eu("HR", "\\d{11}"), eu("HU", "\\d{8}"), eu("IE", "\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]"),
      eu("IT", "\\d{11}"), eu("LT", "\\d{9}|\\d{12}"), eu("LU", "\\d{8}"), eu("LV", "\\d{11}"), eu("MT", "\\d{8}"),
      eu("NL", "\\d{9}B\\d{2}"), eu("PL", "\\d{10}"), eu("PT", "\\d{9}"), eu("RO", "[1-9]\\d{1,9}"),
      eu("SE", "\\d{10}01"), eu("SI", "\\d{8}"), eu("SK", "\\d{10}"));

  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]+");
  private static final Pattern FREE_TEXT = Pattern.compile("[A-Z0-9 ./-]{1," + MAX_LENGTH + "}");

  /** The outcome: the tax ID as kept, or why it was refused and the arguments of that message. */
  public record Checked(@Nullable String normalised, @Nullable BillingProfileReason reason, Object... arguments) {

    public boolean valid() {
      return reason == null;
    }
  }

  private TaxIdFormat() {}

  /** True for the 27 member states (ISO 3166-1 codes; Greece is GR here, EL in its VAT numbers). */
  public static boolean isEu(String country) {
    return EU.containsKey(vatPrefix(country));
  }

  /** The VAT prefix of an ISO country code: the code itself, except EL for Greece. */
  public static String vatPrefix(String country) {
    String code = country.toUpperCase(Locale.ROOT);
    return code.equals("GR") ? "EL" : code;
  }

  /** Checks a non-blank tax ID typed for an organisation of {@code country}. */
  public static Checked check(String country, String typed) {
    return isEu(country) ? checkVat(vatPrefix(country), typed) : checkFreeText(typed);
  }

  private static Checked checkVat(String prefix, String typed) {
    String vat = SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
    if (vat.length() > MAX_LENGTH) {
      return new Checked(null, BillingProfileReason.BILLING_PROFILE_TAX_ID_FORMAT, prefix);
    }
    if (!vat.startsWith(prefix)) {
      return new Checked(null, BillingProfileReason.BILLING_PROFILE_TAX_ID_COUNTRY, prefix);
    }
    String national = vat.substring(prefix.length());
    if (!EU.get(prefix).matcher(national).matches()) {
      return new Checked(null, BillingProfileReason.BILLING_PROFILE_TAX_ID_FORMAT, prefix);
    }
    if (!VatChecksums.valid(prefix, national)) {
      return new Checked(null, BillingProfileReason.BILLING_PROFILE_TAX_ID_CHECKSUM, prefix);
    }
    return new Checked(vat, null);
  }

  private static Checked checkFreeText(String typed) {
    String id = typed.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    if (!FREE_TEXT.matcher(id).matches()) {
      return new Checked(null, BillingProfileReason.BILLING_PROFILE_TAX_ID_INVALID, MAX_LENGTH);
    }
    return new Checked(id, null);
  }

  private static Map.Entry<String, Pattern> eu(String prefix, String national) {
    return Map.entry(prefix, Pattern.compile(national));
  }
}
