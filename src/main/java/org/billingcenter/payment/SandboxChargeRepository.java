package org.billingcenter.payment;

import java.time.Instant;
import java.util.Optional;
import org.billingcenter.payment.PaymentProvider.Answer;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sandbox provider's books ({@code sandbox_charge}): one row per idempotency key, charge or refund. */
@Repository
class SandboxChargeRepository {

  /** What the sandbox answered a key, to answer a replay the same. */
  record Booked(String outcome, String code, String chargeId) {
    Answer answer() {
      return switch (outcome) {
        case "SUCCEEDED" -> Answer.succeeded(chargeId);
        case "DECLINED" -> Answer.declined(DeclineCode.ofWire(code));
        default -> Answer.transientError(DeclineCode.ofWire(code));
      };
    }
  }

  private final JdbcClient jdbc;

  SandboxChargeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Booked> find(String key) {
    return jdbc.sql("select outcome, decline_code, charge_id from sandbox_charge where idempotency_key = :key")
        .param("key", key)
        .query((rs, i) -> new Booked(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  long chargesWith(String token) {
    return jdbc.sql("select count(*) from sandbox_charge where token = :token and kind = 'CHARGE' and outcome <> 'ERROR'")
        .param("token", token).query(Long.class).single();
  }

  void insert(SandboxProvider.Call call, String chargeId, String outcome, DeclineCode code, Instant now) {
    jdbc.sql(
            """
            insert into sandbox_charge (idempotency_key, kind, charge_id, token, amount_minor, currency, outcome,
                                        decline_code, created_at)
            values (:key, :kind, :charge, :token, :amount, :currency, :outcome, :code, :now)
            """)
        .param("key", call.idempotencyKey())
        .param("kind", call.kind().name())
        .param("charge", chargeId)
        .param("token", call.token())
        .param("amount", call.amount().minor())
        .param("currency", call.amount().currency().getCurrencyCode())
        .param("outcome", outcome)
        .param("code", code == null ? null : code.wire())
        .param("now", Utc.of(now))
        .update();
  }

  void settleError(String key, String outcome, String code, String chargeId) {
    jdbc.sql(
            """
            update sandbox_charge set outcome = :outcome, decline_code = :code, charge_id = :charge
             where idempotency_key = :key and outcome = 'ERROR'
            """)
        .param("outcome", outcome).param("code", code).param("charge", chargeId).param("key", key)
        .update();
  }
}
