package org.billingcenter.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The password policy as a table: each row a username, a password and the verdict. */
class PasswordPolicyTest {

  static final PasswordPolicy POLICY = PasswordPolicy.withShippedCommonPasswords();
  /** 128 different emoji (U+1F600 to U+1F67F): 128 characters, 512 bytes in UTF-8. */
  static final String LONGEST =
      IntStream.range(0x1F600, 0x1F680).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

  @ParameterizedTest(name = "{0} / \"{1}\" -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        // the finding's examples
        "juniper-admin | password                        | PASSWORD_TOO_SHORT",
        "juniper-admin | 12345678                        | PASSWORD_TOO_SHORT",
        "juniper-admin | aaaaaaaa                        | PASSWORD_TOO_SHORT",
        "juniper-admin | juniper-admin                   | PASSWORD_CONTAINS_USERNAME",
        // length, in characters (code points), not bytes
        "juniper-admin | NULL                            | PASSWORD_TOO_SHORT",
        "juniper-admin | ''                              | PASSWORD_TOO_SHORT",
        "juniper-admin | kettle-moss-1                   | OK",
        "juniper-admin | kettle-moss                     | PASSWORD_TOO_SHORT",
        "juniper-admin | 短い合言葉は駄目です。               | PASSWORD_TOO_SHORT",
        "juniper-admin | 長い合言葉は十二文字以上なら良い       | OK",
        // the username, in any case, inside the password
        "juniper-admin | my-Juniper-Admin-2026           | PASSWORD_CONTAINS_USERNAME",
        "JUNIPER-ADMIN | xx-juniper-admin-xx             | PASSWORD_CONTAINS_USERNAME",
        "jo            | jolly-kettle-moss               | OK",
        "NULL          | jolly-kettle-moss               | OK",
        // repetitions and runs
        "juniper-admin | aaaaaaaaaaaa                    | PASSWORD_REPETITIVE",
        "juniper-admin | abababababab                    | PASSWORD_REPETITIVE",
        "juniper-admin | passwordpassword                | PASSWORD_REPETITIVE",
        "juniper-admin | kettle!kettle!kettle!           | PASSWORD_REPETITIVE",
        "juniper-admin | 123456789012                    | PASSWORD_REPETITIVE",
        "juniper-admin | abcdefghijklm                   | PASSWORD_REPETITIVE",
        "juniper-admin | 987654321098                    | PASSWORD_REPETITIVE",
        "juniper-admin | 111111222222                    | PASSWORD_REPETITIVE",
        // the shipped list of common passwords, with digits and symbols added at the ends
        "juniper-admin | qwertyuiopasdfgh                | OK",
        "juniper-admin | 1qaz2wsx3edc                    | PASSWORD_TOO_COMMON",
        "juniper-admin | Password2024!                   | PASSWORD_TOO_COMMON",
        "juniper-admin | 2024!!sunshine                  | PASSWORD_TOO_COMMON",
        "juniper-admin | !!Football!!1234                | PASSWORD_TOO_COMMON",
        "juniper-admin | QWERTYUIOP123                   | PASSWORD_TOO_COMMON",
        "juniper-admin | 12345678!!!!                    | PASSWORD_TOO_COMMON",
        "juniper-admin | ##1234567890##                  | PASSWORD_TOO_COMMON",
        "juniper-admin | letmein-letmeout                | OK",
        "juniper-admin | correct horse battery staple    | OK",
      })
  void the_policy(String username, String password, String verdict) {
    Optional<PasswordReason> expected =
        verdict.equals("OK") ? Optional.empty() : Optional.of(PasswordReason.valueOf(verdict));
    assertThat(POLICY.check(username, password)).isEqualTo(expected);
  }

  @Test
  void the_limits_are_12_and_128_characters_and_128_may_be_512_bytes() {
    String twelve = "kettle-moss-";
    assertThat(POLICY.check("x-admin", twelve)).isEmpty();
    assertThat(POLICY.check("x-admin", twelve.substring(1))).contains(PasswordReason.PASSWORD_TOO_SHORT);
    assertThat(LONGEST.codePointCount(0, LONGEST.length())).isEqualTo(128);
    assertThat(LONGEST.getBytes(StandardCharsets.UTF_8)).hasSize(512);
    assertThat(POLICY.check("x-admin", LONGEST)).isEmpty();
    assertThat(POLICY.check("x-admin", LONGEST + "x")).contains(PasswordReason.PASSWORD_TOO_LONG);
    assertThat(POLICY.check("x-admin", "x".repeat(10_000))).contains(PasswordReason.PASSWORD_TOO_LONG);
  }

  @Test
  void the_shipped_list_holds_the_10000_most_common_passwords() {
    PasswordPolicy onlyListed = PasswordPolicy.withShippedCommonPasswords();
    for (String common : new String[] {"password", "12345678", "qwerty", "iloveyou", "trustno1"}) {
      assertThat(onlyListed.check("nobody", common + "!!!!!!!!!!!!")).contains(PasswordReason.PASSWORD_TOO_COMMON);
    }
  }
}
