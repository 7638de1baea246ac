package org.billingcenter.billingprofile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.billingcenter.shared.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * What a billing profile must be, checked the same way for the API and the page: every field is
 * trimmed (blank optional fields are cleared), the legal name is required (1–200 characters), an
 * address has its first line, postal code and city, no field holds control characters, the tax ID
 * has its country's format ({@link TaxIdFormat}) and the invoice language is one of the six. Every
 * broken rule is reported, each with its field, so a form can show them all at once.
 */
public final class BillingProfileRules {

  public static final int LEGAL_NAME_MAX = 200;
  public static final int ADDRESS_LINE_MAX = 200;
  public static final int POSTAL_CODE_MAX = 20;
  public static final int CITY_MAX = 100;
  public static final int REGION_MAX = 100;
  public static final int PURCHASE_ORDER_MAX = 60;

  /** One broken rule: the field (as the API and the form name it), why, and the message's arguments. */
  public record Violation(String field, BillingProfileReason reason, List<Object> arguments) {}

  /** The profile to keep when {@code violations} is empty. */
  public record Checked(@Nullable BillingProfile profile, List<Violation> violations) {

    public boolean valid() {
      return violations.isEmpty();
    }
  }

  private BillingProfileRules() {}

  public static Checked check(TenantId tenant, String country, BillingProfileChange change) {
    List<Violation> violations = new ArrayList<>();
    String legalName = text(violations, "legalName", change.legalName(), LEGAL_NAME_MAX);
    if (legalName == null && violations.isEmpty()) {
      violations.add(new Violation("legalName", BillingProfileReason.BILLING_PROFILE_LEGAL_NAME_INVALID,
          List.of(LEGAL_NAME_MAX)));
    }
    String line1 = text(violations, "addressLine1", change.addressLine1(), ADDRESS_LINE_MAX);
    String line2 = text(violations, "addressLine2", change.addressLine2(), ADDRESS_LINE_MAX);
    String postalCode = text(violations, "postalCode", change.postalCode(), POSTAL_CODE_MAX);
    String city = text(violations, "city", change.city(), CITY_MAX);
    String region = text(violations, "region", change.region(), REGION_MAX);
    address(violations, line1, line2 != null || postalCode != null || city != null || region != null, postalCode, city);
    String taxId = taxId(violations, country, change.taxId());
    String purchaseOrder = text(violations, "purchaseOrder", change.purchaseOrder(), PURCHASE_ORDER_MAX);
    Locale language = language(violations, change.invoiceLanguage());
    if (!violations.isEmpty()) {
      return new Checked(null, List.copyOf(violations));
    }
    return new Checked(new BillingProfile(tenant, legalName, line1, line2, postalCode, city, region, country, taxId,
        purchaseOrder, language, Boolean.TRUE.equals(change.attachPdf()),
        Boolean.TRUE.equals(change.electronicInvoice())), List.of());
  }

  /** The trimmed text, null when blank; a violation when too long or with control characters. */
  private static @Nullable String text(List<Violation> violations, String field, @Nullable String typed, int max) {
    String value = typed == null ? "" : typed.strip();
    if (value.length() > max) {
      violations.add(new Violation(field, BillingProfileReason.BILLING_PROFILE_FIELD_TOO_LONG, List.of(max)));
      return null;
    }
    if (!printable(value)) {
      violations.add(new Violation(field, BillingProfileReason.BILLING_PROFILE_FIELD_CONTROL_CHARACTERS, List.of()));
      return null;
    }
    return value.isEmpty() ? null : value;
  }

  /** An address is line 1, postal code and city at least; the other parts only complete it. */
  private static void address(List<Violation> violations, @Nullable String line1, boolean otherParts,
      @Nullable String postalCode, @Nullable String city) {
    if (line1 == null && otherParts && violations.stream().noneMatch(v -> v.field().equals("addressLine1"))) {
      violations.add(new Violation("addressLine1", BillingProfileReason.BILLING_PROFILE_ADDRESS_LINE1_REQUIRED,
          List.of()));
    }
    if (line1 != null && postalCode == null && violations.stream().noneMatch(v -> v.field().equals("postalCode"))) {
      violations.add(new Violation("postalCode", BillingProfileReason.BILLING_PROFILE_POSTAL_CODE_REQUIRED, List.of()));
    }
    if (line1 != null && city == null && violations.stream().noneMatch(v -> v.field().equals("city"))) {
      violations.add(new Violation("city", BillingProfileReason.BILLING_PROFILE_CITY_REQUIRED, List.of()));
    }
  }

  private static @Nullable String taxId(List<Violation> violations, String country, @Nullable String typed) {
    String value = text(violations, "taxId", typed, TaxIdFormat.MAX_LENGTH);
    if (value == null) {
      return null;
    }
    TaxIdFormat.Checked checked = TaxIdFormat.check(country, value);
    if (!checked.valid()) {
      violations.add(new Violation("taxId", checked.reason(), List.of(checked.arguments())));
    }
    return checked.normalised();
  }

  private static Locale language(List<Violation> violations, @Nullable String typed) {
    return InvoiceLanguage.of(typed == null ? "" : typed.strip()).map(Locale::forLanguageTag).orElseGet(() -> {
      violations.add(new Violation("invoiceLanguage", BillingProfileReason.BILLING_PROFILE_LANGUAGE_UNSUPPORTED,
          List.of(String.join(", ", InvoiceLanguage.TAGS))));
      return Locale.ENGLISH;
    });
  }

  /** No control characters (line breaks, tabs, NUL) and no half of a surrogate pair. */
  static boolean printable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.isLowSurrogate(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }
}
