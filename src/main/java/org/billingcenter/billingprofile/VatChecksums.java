package org.billingcenter.billingprofile;

/**
 * The check digits of the VAT numbers whose rule is short and public; other countries are checked
 * by format only (VIES remains the authority on whether a number exists).
 */
final class VatChecksums {

  private VatChecksums() {}

  /** {@code national}: the number after its prefix, already of the country's format. */
  static boolean valid(String prefix, String national) {
    return switch (prefix) {
      case "BE" -> belgium(national);
      case "DK" -> denmark(national);
      case "FR" -> france(national);
      case "IT" -> luhn(national);
      default -> true;
    };
  }

  /** The last two digits are 97 minus the first eight modulo 97. */
  private static boolean belgium(String n) {
    long base = Long.parseLong(n.substring(0, 8));
    return 97 - base % 97 == Long.parseLong(n.substring(8));
  }

  /** Weights 2, 7, 6, 5, 4, 3, 2, 1: the sum is a multiple of 11. */
  private static boolean denmark(String n) {
    int[] weights = {2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += weights[i] * (n.charAt(i) - '0');
    }
    return sum % 11 == 0;
  }

  /**
   * A numeric key is (12 + 3 × (SIREN mod 97)) mod 97; a key with a letter (numbers issued since
   * 2012 to some companies) has another algorithm and is checked by format only.
   */
  private static boolean france(String n) {
    String key = n.substring(0, 2);
    if (!key.chars().allMatch(Character::isDigit)) {
      return true;
    }
    long siren = Long.parseLong(n.substring(2));
    return Integer.parseInt(key) == (12 + 3 * (siren % 97)) % 97;
  }

  /** Italy's partita IVA: the Luhn check over its eleven digits. */
  private static boolean luhn(String n) {
    int sum = 0;
    for (int i = 0; i < n.length(); i++) {
      int d = n.charAt(n.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
