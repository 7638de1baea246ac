package org.billingcenter.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * For a {@link ServiceNode} command that must live on another day (a run-once for a renewal date a
 * month ahead, which the service refuses on today's date): the service's clock, ticking, but
 * shifted to start at {@code billing-center.test.clock}. Added with {@code --spring.main.sources};
 * deliberately not a {@code @Configuration}, so component scanning never picks it up elsewhere.
 */
public class ShiftedClock {

  /** The settings that put a command's clock at noon UTC of {@code day}. */
  public static List<String> on(LocalDate day) {
    return List.of("--spring.main.sources=" + ShiftedClock.class.getName(),
        "--billing-center.test.clock=" + day.atTime(12, 0).toInstant(ZoneOffset.UTC));
  }

  @Bean
  @Primary
  Clock clockOnAnotherDay(@Value("${billing-center.test.clock}") String start) {
    Clock system = Clock.systemUTC();
    return Clock.offset(system, Duration.between(system.instant(), Instant.parse(start)));
  }
}
