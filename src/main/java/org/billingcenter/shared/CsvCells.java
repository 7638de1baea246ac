package org.billingcenter.shared;

import java.time.LocalDate;
import java.util.UUID;
import org.billingcenter.shared.Money;

/**
 * How one value becomes one CSV cell: machine-readable (ISO dates, enum codes, amounts as plain
 * decimals with a dot and the currency's fraction digits), a missing value as an empty cell.
 *
 * <p>Text that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a
 * carriage return) gets a leading {@code '}, as OWASP advises against CSV injection. Amounts are not
 * text: they come from {@link Money}, never from a user, so a negative amount stays {@code -12.50},
 * a number a spreadsheet can sum.
 */
public final class CsvCells {

  private CsvCells() {}

  /** Free text (a number, a product name): guarded against formula injection. */
  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return formula ? "'" + value : value;
  }

  /** {@code 1234.50}, {@code -3.20}, {@code 500} for yen: the currency's own fraction digits. */
  public static String amount(Money money) {
    return money == null ? "" : money.toMajor().toPlainString();
  }

  public static String date(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  /** An enum by its stable code (its constant name). */
  public static String code(Enum<?> value) {
    return value == null ? "" : value.name();
  }

  public static String id(UUID id) {
    return id == null ? "" : id.toString();
  }

  public static String number(Integer value) {
    return value == null ? "" : value.toString();
  }
}
