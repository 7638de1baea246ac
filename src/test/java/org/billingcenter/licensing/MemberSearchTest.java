package org.billingcenter.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.billingcenter.shared.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberSearchTest {

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', value = {
    "Ada        | %Ada%",
    "'  ada  '  | %ada%",
    "100%       | %100!%%",
    "a_b        | %a!_b%",
    "Bang!      | %Bang!!%",
    "!%_        | %!!!%!_%",
    "''         | %%",
  })
  void the_pattern_finds_the_text_anywhere_with_its_wildcards_taken_literally(String text, String pattern) {
    assertThat(MemberSearch.of(text).likePattern()).isEqualTo(pattern);
  }

  @Test
  void null_is_blank_and_a_hundred_characters_is_the_longest_search() {
    assertThat(MemberSearch.of(null).isBlank()).isTrue();
    assertThat(MemberSearch.of("x".repeat(100)).text()).hasSize(100);
    assertThat(MemberSearch.of(" ".repeat(50) + "x".repeat(100) + " ".repeat(50)).text()).hasSize(100);
    assertThatThrownBy(() -> MemberSearch.of("x".repeat(101)))
        .isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.reason()).isEqualTo(LicensingReason.SEARCH_TOO_LONG));
  }
}
