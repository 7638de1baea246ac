package org.billingcenter.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The key's shape, what an Authorization header says, and who may give keys which role. */
class ApiKeyFormatTest {

  static final String PREFIX = "bc_live_Ab3dEf9hIj0K";
  static final String SECRET = "hv0lTXLbL5AggpNHgc8c4j2LQzDPFCeK3ZNkGsq-_fs";
  static final String KEY = PREFIX + "_" + SECRET;

  @Test
  void a_new_key_has_a_20_character_prefix_and_a_256_bit_secret_that_parse_back() {
    SecureRandom random = new SecureRandom();
    Set<String> prefixes = IntStream.range(0, 1000).mapToObj(i -> ApiKeyFormat.newPrefix(random)).collect(Collectors.toSet());
    assertThat(prefixes).hasSize(1000).allMatch(p -> p.matches("bc_live_[0-9A-Za-z]{12}"));
    String secret = ApiKeyFormat.newSecret(random);
    assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    String key = ApiKeyFormat.newPrefix(random) + "_" + secret;
    assertThat(ApiKeyFormat.parse(key)).get().extracting(ApiKeyFormat.Presented::secret).isEqualTo(secret);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Bearer KEY        | KEY
      bearer KEY        | KEY
      BEARER KEY        | KEY
      Bearer   KEY      | KEY
      '  Bearer KEY  '  | KEY
      Bearer            | MALFORMED
      'Bearer '         | MALFORMED
      Bearer abc        | MALFORMED
      Bearer PREFIX     | MALFORMED
      Bearer KEYx       | MALFORMED
      Bearer KEY more   | MALFORMED
      Bearer xKEY       | MALFORMED
      Bearer bc_test_Ab3dEf9hIj0K_hv0lTXLbL5AggpNHgc8c4j2LQzDPFCeK3ZNkGsq-_fs | MALFORMED
      Bearer bc_live_Ab3dEf9hIj0-_hv0lTXLbL5AggpNHgc8c4j2LQzDPFCeK3ZNkGsq-_fs | MALFORMED
      Bearer bc_live_Ab3dEf9hIj0K-hv0lTXLbL5AggpNHgc8c4j2LQzDPFCeK3ZNkGsq-_fs | MALFORMED
      Bearer bc_live_Ab3dEf9hIj0K_hv0lTXLbL5AggpNHgc8c4j2LQzDPFCeK3ZNkGsq+/fs | MALFORMED
      Bearer bc_live_Ab3dEf9hIj0K_hv0lTXLbL5AggpNHgc8c4j2LQzDPFCeK3ZNkGsq-_f= | MALFORMED
      Basic YWRtaW46cGFzcw== | NOT_BEARER
      BearerKEY         | NOT_BEARER
      Token KEY         | NOT_BEARER
      Digest x          | NOT_BEARER
      """)
  void an_authorization_header_is_a_key_a_malformed_bearer_or_none_of_our_business(String header, String expected) {
    ApiKeyFormat.Header read = ApiKeyFormat.read(header.replace("PREFIX", PREFIX).replace("KEY", KEY));
    switch (expected) {
      case "KEY" -> assertThat(read).isEqualTo(new ApiKeyFormat.Key(new ApiKeyFormat.Presented(PREFIX, SECRET)));
      case "MALFORMED" -> assertThat(read).isInstanceOf(ApiKeyFormat.Malformed.class);
      default -> assertThat(read).isInstanceOf(ApiKeyFormat.NotBearer.class);
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void no_header_is_none_of_our_business(String header) {
    assertThat(ApiKeyFormat.read(header)).isInstanceOf(ApiKeyFormat.NotBearer.class);
  }

  @Test
  void the_secret_is_compared_by_its_sha256_and_a_presented_key_never_prints_its_secret() {
    byte[] stored = ApiKeyFormat.sha256(SECRET);
    assertThat(stored).hasSize(32);
    assertThat(ApiKeyFormat.matches(SECRET, stored)).isTrue();
    assertThat(ApiKeyFormat.matches(SECRET.substring(1) + "x", stored)).isFalse();
    assertThat(ApiKeyFormat.parse(KEY).orElseThrow().toString()).doesNotContain(SECRET);
    CreatedApiKey created = new CreatedApiKey(UUID.randomUUID(), null, "n", Role.OPERATOR, PREFIX, KEY, null, null);
    assertThat(created.toString()).doesNotContain(SECRET);
    assertThat(created.authorization()).isEqualTo("Bearer " + KEY);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      GLOBAL_ADMIN     | true  | GLOBAL_ADMIN BILLING_ADMIN USER_ADMIN READER
      BILLING_ADMIN    | true  | -
      USER_ADMIN       | true  | -
      READER           | true  | -
      OPERATOR         | false | OPERATOR SUPPORT_ENGINEER
      SUPPORT_ENGINEER | false | -
      """)
  void a_global_admin_gives_organisation_roles_the_operator_operator_roles_and_nobody_else_any(
      Role role, boolean inTenant, String allowed) {
    TenantId tenant = inTenant ? TenantId.random() : null;
    SignedInAccount me = SignedInAccount.withoutPassword(new AdminAccount("me", tenant, "Me", Set.of(role), null));
    Optional<ApiKeyOwner> owner = ApiKeyOwner.of(me);
    if (allowed.equals("-")) {
      assertThat(owner).isEmpty();
      return;
    }
    assertThat(owner).get().extracting(ApiKeyOwner::tenant).isEqualTo(tenant);
    Set<Role> roles = java.util.Arrays.stream(allowed.split(" ")).map(Role::valueOf).collect(Collectors.toSet());
    assertThat(owner.get().roles()).containsExactlyInAnyOrderElementsOf(roles);
    for (Role r : Role.values()) {
      assertThat(owner.get().allows(r)).as(r.name()).isEqualTo(roles.contains(r));
    }
    assertThat(owner.get().allows(null)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void an_operator_account_inside_an_organisation_manages_no_keys(Role role) {
    // Tenant accounts never carry operator roles; if one did, it would still not get the operator's keys.
    SignedInAccount me = SignedInAccount.withoutPassword(new AdminAccount("me", TenantId.random(), "Me", Set.of(role), null));
    assertThat(ApiKeyOwner.of(me).map(ApiKeyOwner::isOperator)).isNotEqualTo(Optional.of(true));
  }
}
