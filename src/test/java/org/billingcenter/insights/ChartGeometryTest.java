package org.billingcenter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 464 × 216 chart: the plot spans x 64–448 (384 units) and y 16–176 (160 units). */
class ChartGeometryTest {

  static final ChartGeometry FOUR_SLOTS = new ChartGeometry(464, 216, new ChartScale(100, 20), 4);

  @Test
  void slots_split_the_plot_evenly_and_labels_sit_in_their_middle() {
    assertThat(FOUR_SLOTS.x(0)).isEqualTo(112.0);
    assertThat(FOUR_SLOTS.x(1)).isEqualTo(208.0);
    assertThat(FOUR_SLOTS.x(3)).isEqualTo(400.0);
  }

  @Test
  void zero_sits_on_the_bottom_of_the_plot_and_the_top_of_the_scale_on_its_top() {
    assertThat(FOUR_SLOTS.y(0)).isEqualTo(176.0);
    assertThat(FOUR_SLOTS.y(100)).isEqualTo(16.0);
    assertThat(FOUR_SLOTS.y(25)).isEqualTo(136.0);
  }

  @Test
  void a_bar_is_centred_on_its_slot_and_reaches_from_zero_to_its_value() {
    ChartGeometry.Box bar = FOUR_SLOTS.bar(1, 0, 50);
    assertThat(bar).isEqualTo(new ChartGeometry.Box(179.2, 96.0, 57.6, 80.0));
  }

  @Test
  void stacked_segments_meet_without_gap_or_overlap() {
    ChartGeometry.Box lower = FOUR_SLOTS.bar(2, 0, 30);
    ChartGeometry.Box upper = FOUR_SLOTS.bar(2, 30, 70);
    assertThat(upper.y() + upper.height()).isEqualTo(lower.y());
    assertThat(upper.height() + lower.height()).isEqualTo(176.0 - FOUR_SLOTS.y(70));
  }

  @Test
  void a_line_goes_through_each_value_and_breaks_where_a_slot_has_none() {
    assertThat(FOUR_SLOTS.linePath(List.of(0L, 50L, 100L, 25L))).isEqualTo("M112 176 L208 96 L304 16 L400 136");
    assertThat(FOUR_SLOTS.linePath(Arrays.asList(10L, null, 20L, 30L))).isEqualTo("M112 160 M304 144 L400 128");
  }

  @Test
  void an_empty_series_gets_a_unit_scale_and_flat_bars() {
    ChartGeometry g = ChartGeometry.of(640, 260, List.of(0L, 0L), 2);
    assertThat(g.scale()).isEqualTo(new ChartScale(1, 1));
    assertThat(g.bars(List.of(0L, 0L))).allSatisfy(b -> assertThat(b.height()).isZero());
  }

  @Test
  void path_numbers_use_a_dot_and_drop_a_zero_fraction() {
    assertThat(ChartGeometry.number(12.0)).isEqualTo("12");
    assertThat(ChartGeometry.number(12.5)).isEqualTo("12.5");
  }
}
