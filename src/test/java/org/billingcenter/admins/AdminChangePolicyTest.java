package org.billingcenter.admins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.shared.TenantId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdminChangePolicyTest {

  static final TenantId TENANT = TenantId.random();

  /** "ann:GLOBAL_ADMIN+READER bob:BILLING_ADMIN" → accounts. */
  static List<AdminAccount> admins(String table) {
    return Arrays.stream(table.split(" ")).map(entry -> {
      String[] parts = entry.split(":");
      Set<Role> roles = Arrays.stream(parts[1].split("\\+")).map(Role::valueOf).collect(Collectors.toSet());
      return new AdminAccount(parts[0], TENANT, parts[0], roles, null);
    }).toList();
  }

  static Set<Role> roles(String list) {
    return list.isEmpty() ? Set.of()
        : Arrays.stream(list.split("\\+")).map(Role::valueOf).collect(Collectors.toSet());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // admins, target, new roles ("" with removal), removal, expected reason (null: allowed)
        Arguments.of("ann:GLOBAL_ADMIN", "ann", "", true, AdminsReason.LAST_GLOBAL_ADMIN),
        Arguments.of("ann:GLOBAL_ADMIN", "ann", "BILLING_ADMIN", false, AdminsReason.LAST_GLOBAL_ADMIN),
        Arguments.of("ann:GLOBAL_ADMIN bob:BILLING_ADMIN", "ann", "READER", false, AdminsReason.LAST_GLOBAL_ADMIN),
        Arguments.of("ann:GLOBAL_ADMIN bob:BILLING_ADMIN", "ann", "", true, AdminsReason.LAST_GLOBAL_ADMIN),
        Arguments.of("ann:GLOBAL_ADMIN", "ann", "GLOBAL_ADMIN+READER", false, null),
        Arguments.of("ann:GLOBAL_ADMIN bob:GLOBAL_ADMIN", "ann", "", true, null),
        Arguments.of("ann:GLOBAL_ADMIN bob:GLOBAL_ADMIN+BILLING_ADMIN", "ann", "USER_ADMIN", false, null),
        Arguments.of("ann:GLOBAL_ADMIN bob:BILLING_ADMIN", "bob", "", true, null),
        Arguments.of("ann:GLOBAL_ADMIN bob:BILLING_ADMIN", "bob", "GLOBAL_ADMIN", false, null),
        Arguments.of("ann:GLOBAL_ADMIN bob:BILLING_ADMIN", "bob", "", false, AdminsReason.ROLES_INVALID),
        Arguments.of("ann:GLOBAL_ADMIN bob:BILLING_ADMIN", "bob", "OPERATOR", false, AdminsReason.ROLES_INVALID),
        Arguments.of("ann:GLOBAL_ADMIN bob:BILLING_ADMIN", "bob", "READER+SUPPORT_ENGINEER", false,
            AdminsReason.ROLES_INVALID),
        Arguments.of("ann:GLOBAL_ADMIN", "zoe", "", true, AdminsReason.ADMIN_NOT_FOUND),
        Arguments.of("ann:GLOBAL_ADMIN", "zoe", "READER", false, AdminsReason.ADMIN_NOT_FOUND));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1} → {2} (removal {3}) = {4}")
  @MethodSource("cases")
  void the_last_global_admin_can_be_neither_removed_nor_demoted(String table, String target, String newRoles,
      boolean removal, AdminsReason expected) {
    assertThat(AdminChangePolicy.check(admins(table), target, roles(newRoles), removal).orElse(null))
        .isEqualTo(expected);
  }
}
