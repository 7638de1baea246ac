package org.billingcenter.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void absent_parameters_mean_the_first_page_of_fifty() {
    assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(1, 50));
    assertThat(PageRequest.parse("3", "200").offset()).isEqualTo(400);
  }

  @Test
  void the_offset_of_a_far_page_does_not_overflow() {
    assertThat(PageRequest.parse("2147483647", "200").offset()).isEqualTo(2_147_483_646L * 200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "+1", " 1", "1 ", "", "abc", "1.5", "1e3", "0x10", "2147483648", "99999999999", "１"})
  void a_page_that_is_not_a_whole_number_from_one_is_refused(String page) {
    assertThatThrownBy(() -> PageRequest.parse(page, null)).isInstanceOf(PageRequest.Invalid.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "201", "-5", "", "fifty", "50.0"})
  void a_size_outside_one_to_two_hundred_is_refused(String size) {
    assertThatThrownBy(() -> PageRequest.parse(null, size)).isInstanceOf(PageRequest.Invalid.class);
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "1, 1", "50, 1", "51, 2", "120, 3", "200, 4"})
  void a_list_has_at_least_one_page(long total, int pages) {
    assertThat(new Page<>(List.of(), new PageRequest(1, 50), total).pages()).isEqualTo(pages);
  }
}
