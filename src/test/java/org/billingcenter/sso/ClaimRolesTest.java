package org.billingcenter.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.billingcenter.account.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClaimRolesTest {

  private static final List<RoleMapping> MAPPINGS = List.of(
      new RoleMapping("groups", "billing-team", Role.BILLING_ADMIN),
      new RoleMapping("groups", "it-admins", Role.GLOBAL_ADMIN),
      new RoleMapping("department", "HR", Role.USER_ADMIN),
      new RoleMapping("billing_reader", "true", Role.READER),
      new RoleMapping("groups", "ops", Role.OPERATOR)); // never granted: not an organisation role

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("a group in a list claim", Map.of("groups", List.of("staff", "billing-team")), null,
            EnumSet.of(Role.BILLING_ADMIN)),
        Arguments.of("two groups, two roles", Map.of("groups", List.of("billing-team", "it-admins")), null,
            EnumSet.of(Role.BILLING_ADMIN, Role.GLOBAL_ADMIN)),
        Arguments.of("a string claim equal to the value", Map.of("department", "HR"), null, EnumSet.of(Role.USER_ADMIN)),
        Arguments.of("case counts", Map.of("department", "hr", "groups", List.of("Billing-Team")), null,
            EnumSet.noneOf(Role.class)),
        Arguments.of("a boolean claim by its text", Map.of("billing_reader", true), null, EnumSet.of(Role.READER)),
        Arguments.of("a string claim is not a list", Map.of("groups", "billing-team-2"), null, EnumSet.noneOf(Role.class)),
        Arguments.of("a string claim equal to a group value", Map.of("groups", "billing-team"), null,
            EnumSet.of(Role.BILLING_ADMIN)),
        Arguments.of("no match, no default: refused", Map.of("groups", List.of("staff")), null, EnumSet.noneOf(Role.class)),
        Arguments.of("no match: the default role", Map.of("groups", List.of("staff")), Role.READER, EnumSet.of(Role.READER)),
        Arguments.of("a match beats the default", Map.of("groups", List.of("billing-team")), Role.READER,
            EnumSet.of(Role.BILLING_ADMIN)),
        Arguments.of("an operator mapping grants nothing", Map.of("groups", List.of("ops")), null, EnumSet.noneOf(Role.class)),
        Arguments.of("an operator default grants nothing", Map.of(), Role.OPERATOR, EnumSet.noneOf(Role.class)),
        Arguments.of("no claims at all", Map.of(), null, EnumSet.noneOf(Role.class)),
        Arguments.of("an object claim never matches", Map.of("groups", Map.of("billing-team", true)), null,
            EnumSet.noneOf(Role.class)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void claims_map_to_roles(String story, Map<String, Object> claims, Role defaultRole, Set<Role> expected) {
    assertThat(ClaimRoles.of(claims, MAPPINGS, defaultRole)).as(story).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("issuers")
  void issuers_are_https_on_public_addresses_or_http_on_loopback_when_allowed(String issuer, boolean loopbackHttp,
      SsoReason expected) {
    assertThat(IssuerGuard.refusal(issuer, loopbackHttp, host -> new java.net.InetAddress[] {
        java.net.InetAddress.getByName(host.equals("login.example.com") ? "93.184.215.14"
            : host.equals("intranet.example.com") ? "10.1.2.3" : host)}).orElse(null)).isEqualTo(expected);
  }

  static Stream<Arguments> issuers() {
    return Stream.of(
        Arguments.of("https://login.example.com/realms/staff", false, null),
        Arguments.of("http://login.example.com/realms/staff", false, SsoReason.SSO_ISSUER_NOT_HTTPS),
        Arguments.of("http://login.example.com/realms/staff", true, SsoReason.SSO_ISSUER_NOT_HTTPS),
        Arguments.of("http://127.0.0.1:8080/org", false, SsoReason.SSO_ISSUER_NOT_HTTPS),
        Arguments.of("http://127.0.0.1:8080/org", true, null),
        Arguments.of("https://intranet.example.com/", false, SsoReason.SSO_ISSUER_FORBIDDEN_ADDRESS),
        Arguments.of("https://169.254.169.254/", true, SsoReason.SSO_ISSUER_FORBIDDEN_ADDRESS),
        Arguments.of("https://user:pw@login.example.com/", false, SsoReason.SSO_ISSUER_INVALID),
        Arguments.of("https://login.example.com/?x=1", false, SsoReason.SSO_ISSUER_INVALID),
        Arguments.of("ftp://login.example.com/", false, SsoReason.SSO_ISSUER_INVALID),
        Arguments.of("login.example.com", false, SsoReason.SSO_ISSUER_INVALID));
  }
}
