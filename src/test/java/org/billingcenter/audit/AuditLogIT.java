package org.billingcenter.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

class AuditLogIT extends DatabaseIT {

  @Autowired AuditLog audit;
  @Autowired TransactionTemplate transaction;

  @Test
  void events_are_kept_per_tenant_with_before_after_and_reason() {
    Given a = tenants.tenant(0);
    Given b = tenants.tenant(0);
    transaction.executeWithoutResult(
        s -> audit.record(a.id(), "alice", Change.of("THING_CHANGED", "thing", "42").from("old").to("new").because("asked")));
    assertThat(audit.history(a.id(), "thing", "42"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("alice");
              assertThat(e.before()).isEqualTo("old");
              assertThat(e.after()).isEqualTo("new");
              assertThat(e.reason()).isEqualTo("asked");
              assertThat(e.occurredAt()).isEqualTo(START);
            });
    assertThat(audit.history(b.id(), "thing", "42")).isEmpty();
  }

  @Test
  void an_event_outside_a_transaction_is_refused() {
    Given a = tenants.tenant(0);
    assertThatThrownBy(() -> audit.record(a.id(), "x", Change.of("X", "thing", "1")))
        .isInstanceOf(IllegalTransactionStateException.class);
  }
}
