package org.billingcenter.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditFilterTest {

  @Test
  void blanks_mean_any_and_values_are_trimmed() {
    AuditFilter f = AuditFilter.parse(" ", "", "  alder-admin ", "SUBSCRIPTION_CANCELLED", "2026-03-01", "2026-03-31");
    assertThat(f).isEqualTo(new AuditFilter(null, null, "alder-admin", "SUBSCRIPTION_CANCELLED", LocalDate.of(2026, 3, 1),
        LocalDate.of(2026, 3, 31)));
  }

  @Test
  void a_global_admins_filter_is_held_to_their_own_organisation_whatever_was_asked() {
    TenantId own = TenantId.random();
    AuditFilter asked = AuditFilter.parse(UUID.randomUUID().toString(), "Birch", "x", null, null, null);
    assertThat(asked.only(own)).isEqualTo(new AuditFilter(own, null, "x", null, null, null));
  }

  @ParameterizedTest(name = "tenantId={0} actor={1} action={2} from={3} to={4} is refused")
  @CsvSource(nullValues = "N", value = {
      "not-a-uuid, N, N, N, N",
      "00000000-0000-0000-0000-00000000000g, N, N, N, N",
      "N, N, subscription_cancelled, N, N",
      "N, N, 'SUBSCRIPTION CANCELLED', N, N",
      "N, N, '1=1', N, N",
      "N, N, N, 2026-02-30, N",
      "N, N, N, 2026-3-1, N",
      "N, N, N, 2026-03-10, 2026-03-09",
      "N, 'a\tb', N, N, N"})
  void anything_unreadable_is_refused_with_one_code(String tenant, String actor, String action, String from, String to) {
    assertThatThrownBy(() -> AuditFilter.parse(tenant, null, actor, action, from, to))
        .isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.reason()).isEqualTo(AuditReason.AUDIT_FILTER_INVALID));
  }

  @Test
  void an_actor_longer_than_a_column_can_hold_is_refused() {
    assertThatThrownBy(() -> AuditFilter.parse(null, null, "a".repeat(101), null, null, null)).isInstanceOf(Rejected.class);
  }

  @Test
  void a_csv_row_has_iso_utc_time_and_guards_typed_text_against_formulas() {
    TenantId tenant = new TenantId(UUID.fromString("11111111-1111-1111-1111-111111111111"));
    AuditEvent e = new AuditEvent(tenant, UUID.fromString("22222222-2222-2222-2222-222222222222"),
        Instant.parse("2026-03-10T10:00:00Z"), "alder-admin", "SUBSCRIPTION_CANCELLED", "subscription", "s-1", "ACTIVE",
        "DISABLED", "=HYPERLINK(\"x\")");
    assertThat(AuditCsv.row(new AuditEntry(e, "@Alder"), "Subscription cancelled")).isEqualTo(List.of(
        "2026-03-10T10:00:00Z", "11111111-1111-1111-1111-111111111111", "'@Alder", "alder-admin", "SUBSCRIPTION_CANCELLED",
        "Subscription cancelled", "subscription", "s-1", "ACTIVE", "DISABLED", "'=HYPERLINK(\"x\")"));
    assertThat(AuditCsv.HEADER_KEYS).hasSize(AuditCsv.row(new AuditEntry(e, "A"), "n").size());
  }
}
