package org.billingcenter.account;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Passwords are stored through a delegating encoder: the hash names its algorithm. New hashes are
 * PBKDF2-HMAC-SHA256 (Spring Security's 5.8 defaults: 310,000 iterations, 16-byte salt), which
 * takes passwords of any length, unlike bcrypt (72 bytes: a 128-character password may be 512);
 * {@code {bcrypt}} hashes written before keep verifying. No plain-text ({@code {noop}}) hash is
 * accepted: benchmarks and tests that write accounts straight into the database write real hashes.
 */
@Configuration
public class PasswordConfig {

  static final String NEW_HASHES = "pbkdf2@SpringSecurity_v5_8";

  /** Spring Security 5.8's PBKDF2 iterations: production's, and every hash written so far. */
  public static final int ITERATIONS = 310_000;

  /**
   * {@code billing-center.security.pbkdf2-iterations} exists for the test suite only, which creates
   * thousands of accounts and signs in on every API call (88 ms a hash at the default on the CI's
   * cores); the iterations are not stored in the hash, so a service must keep the value its
   * hashes were written with: production never sets it.
   */
  @Bean
  PasswordEncoder passwordEncoder(@Value("${billing-center.security.pbkdf2-iterations:" + ITERATIONS + "}") int iterations) {
    return encoder(iterations);
  }

  /** The encoder the service uses, for tools that write accounts without the service (benchmarks). */
  public static PasswordEncoder encoder() {
    return encoder(ITERATIONS);
  }

  private static PasswordEncoder encoder(int iterations) {
    return new DelegatingPasswordEncoder(
        NEW_HASHES,
        Map.of(
            NEW_HASHES, new Pbkdf2PasswordEncoder("", 16, iterations,
                Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256),
            "bcrypt", new BCryptPasswordEncoder()));
  }

  @Bean
  PasswordPolicy passwordPolicy() {
    return PasswordPolicy.withShippedCommonPasswords();
  }
}
