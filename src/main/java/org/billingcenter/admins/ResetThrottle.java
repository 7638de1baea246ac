package org.billingcenter.admins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Password reset requests per address and per client, in a sliding hour: beyond the limits a
 * request is answered as any other and does nothing (no mail flood to a victim's inbox, no cheap
 * probing). Per node, in memory, bounded like the sign-in throttle.
 */
@Component
class ResetThrottle {

  static final int PER_ADDRESS = 3;
  static final int PER_CLIENT = 20;
  static final Duration WINDOW = Duration.ofHours(1);
  private static final int MAX_TRACKED = 100_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> seen = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > MAX_TRACKED;
    }
  };

  ResetThrottle(Clock clock) {
    this.clock = clock;
  }

  /** True when this request may go ahead (and it is counted). */
  synchronized boolean allow(String email, String client) {
    Instant now = clock.instant();
    String byAddress = "a:" + String.valueOf(email).toLowerCase(Locale.ROOT);
    String byClient = "c:" + client;
    if (count(byAddress, now) >= PER_ADDRESS || count(byClient, now) >= PER_CLIENT) {
      return false;
    }
    seen.computeIfAbsent(byAddress, k -> new ArrayDeque<>()).addLast(now);
    seen.computeIfAbsent(byClient, k -> new ArrayDeque<>()).addLast(now);
    return true;
  }

  /** Tests share one context: each starts without the others' requests. */
  synchronized void forgetAll() {
    seen.clear();
  }

  private int count(String key, Instant now) {
    Deque<Instant> times = seen.get(key);
    if (times == null) {
      return 0;
    }
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
      times.removeFirst();
    }
    return times.size();
  }
}
