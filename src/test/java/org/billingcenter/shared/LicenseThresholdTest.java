package org.billingcenter.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The online-cancellation threshold: fewer than the threshold assigned, else remove down to one below it. */
class LicenseThresholdTest {

  @ParameterizedTest(name = "{0} assigned, threshold {1}: online {2}, remove {3}")
  @CsvSource({
      "0,   25, true,  0",
      "24,  25, true,  0",
      "25,  25, false, 1",
      "26,  25, false, 2",
      "180, 25, false, 156",
      "1,   1,  false, 1",
      "0,   1,  true,  0",
      "9,   10, true,  0",
      "10,  10, false, 1",
  })
  void exactly_the_threshold_is_not_fewer(int assigned, int threshold, boolean online, int remove) {
    assertThat(LicenseThreshold.allowsOnline(assigned, threshold)).isEqualTo(online);
    assertThat(LicenseThreshold.licensesToRemove(assigned, threshold)).isEqualTo(remove);
  }
}
