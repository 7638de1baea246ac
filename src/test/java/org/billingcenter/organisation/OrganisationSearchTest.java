package org.billingcenter.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.billingcenter.shared.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationSearchTest {

  @Test
  void nothing_given_lists_everything_by_name() {
    assertThat(OrganisationSearch.parse(null, null)).isEqualTo(OrganisationSearch.ALL);
    assertThat(OrganisationSearch.parse("  ", " ")).isEqualTo(OrganisationSearch.ALL);
  }

  @Test
  void a_whole_id_searches_by_id_and_anything_else_by_part_of_the_name_taken_literally() {
    UUID id = UUID.randomUUID();
    assertThat(OrganisationSearch.parse(id.toString(), null).id()).contains(id);
    OrganisationSearch text = OrganisationSearch.parse(" 50%_Off!Co ", "-name");
    assertThat(text.id()).isEmpty();
    assertThat(text.pattern()).isEqualTo("%50!%!_off!!co%");
    assertThat(text.descending()).isTrue();
    assertThat(text.sort()).isEqualTo("-name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"country", "name,asc", "NAME", "--name"})
  void an_unknown_order_is_refused(String sort) {
    assertThatThrownBy(() -> OrganisationSearch.parse("x", sort)).isInstanceOf(Rejected.class);
  }

  @Test
  void overlong_or_control_text_is_refused() {
    assertThatThrownBy(() -> OrganisationSearch.parse("x".repeat(201), null)).isInstanceOf(Rejected.class);
    assertThatThrownBy(() -> OrganisationSearch.parse("a\u0000b", null)).isInstanceOf(Rejected.class);
    assertThatThrownBy(() -> OrganisationSearch.parse("a\nb", null)).isInstanceOf(Rejected.class);
    assertThat(OrganisationSearch.parse("x".repeat(200), null).text()).hasSize(200);
  }
}
