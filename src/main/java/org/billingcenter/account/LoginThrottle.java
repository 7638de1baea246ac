package org.billingcenter.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.billingcenter.account.SignInDelays.Failures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Remembers failed sign-ins per (username, client address) and per client address, and says how
 * long the next attempt must wait ({@link SignInDelays}). An attacker slows himself down; the owner
 * signing in from another address is not affected. Per node, in memory, each map bounded to
 * {@link #MAX_TRACKED} keys (the least recently used is dropped), so a spray of random usernames or
 * addresses cannot grow it without bound.
 */
@Component
public class LoginThrottle {

  static final int MAX_TRACKED = 100_000;

  /** What a failure started: the wait it imposes and the count behind it, per key. */
  public record Lockout(Duration pairWait, int pairFailures, Duration addressWait, int addressFailures) {
    public boolean started() {
      return !pairWait.isZero() || !addressWait.isZero();
    }
  }

  private final Clock clock;
  private final Map<String, Failures> pairs;
  private final Map<String, Failures> addresses;

  @Autowired
  LoginThrottle(Clock clock) {
    this(clock, MAX_TRACKED);
  }

  LoginThrottle(Clock clock, int maxTracked) {
    this.clock = clock;
    this.pairs = bounded(maxTracked);
    this.addresses = bounded(maxTracked);
  }

  /** How long an attempt now must still wait; zero when the password may be checked. */
  public Duration wait(String username, String address) {
    Instant now = clock.instant();
    Duration pair = SignInDelays.PER_USERNAME_AND_ADDRESS.wait(get(pairs, pairKey(username, address)), now);
    Duration spray = SignInDelays.PER_ADDRESS.wait(get(addresses, addressKey(address)), now);
    return pair.compareTo(spray) >= 0 ? pair : spray;
  }

  /** A wrong password (or an unknown username) from {@code address}. */
  public Lockout failed(String username, String address) {
    Instant now = clock.instant();
    Failures pair = record(pairs, pairKey(username, address), SignInDelays.PER_USERNAME_AND_ADDRESS, now);
    Failures spray = record(addresses, addressKey(address), SignInDelays.PER_ADDRESS, now);
    return new Lockout(
        SignInDelays.PER_USERNAME_AND_ADDRESS.delayAfter(pair.count()), pair.count(),
        SignInDelays.PER_ADDRESS.delayAfter(spray.count()), spray.count());
  }

  /**
   * The right password: this username's failures from this address are forgotten. The address's
   * count is not, or a sprayer with one account of his own could reset it at will.
   */
  public void succeeded(String username, String address) {
    synchronized (pairs) {
      pairs.remove(pairKey(username, address));
    }
  }

  /** Forgets everything (tests start from a clean slate, as after a restart). */
  void forgetAll() {
    synchronized (pairs) {
      pairs.clear();
    }
    synchronized (addresses) {
      addresses.clear();
    }
  }

  int tracked() {
    synchronized (pairs) {
      synchronized (addresses) {
        return pairs.size() + addresses.size();
      }
    }
  }

  private static Failures get(Map<String, Failures> map, String key) {
    synchronized (map) {
      return map.get(key);
    }
  }

  private static Failures record(Map<String, Failures> map, String key, SignInDelays delays, Instant now) {
    synchronized (map) {
      return map.compute(key, (k, before) -> delays.afterFailure(before, now));
    }
  }

  /** No account name is longer than 100 characters, so a longer one is cut: keys stay small. */
  private static String pairKey(String username, String address) {
    String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
    return addressKey(address) + " " + (name.length() > 101 ? name.substring(0, 101) : name);
  }

  private static String addressKey(String address) {
    return address == null ? "" : address;
  }

  /** Least recently used first; the eldest goes when the map is full. Guarded by itself. */
  private static Map<String, Failures> bounded(int max) {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
        return size() > max;
      }
    };
  }
}
