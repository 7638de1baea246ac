package org.billingcenter.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "Ada Lovelace", "Zoë Ørsted", "Ана Петрова", "李小龍", "\ud83d\ude00 emoji pair", "tab\tand\nnewline"})
  void ordinary_text_in_any_script_is_safe(String text) {
    assertThat(SafeText.isSafe(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "a\u0000b", "\ud800", "x\ud800", "\udc00x", "\ude00\ud83d", "\ud83d\ud83d\ude00\ude00"})
  void a_nul_or_half_a_surrogate_pair_is_not(String text) {
    assertThat(SafeText.isSafe(text)).isFalse();
  }
}
