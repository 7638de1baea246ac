package org.billingcenter.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Additional recipients, the admins' opt-outs and the sent mails. Everything is tenant-scoped except
 * the operator's list of sent mails, which spans organisations on purpose (the operator reads them all).
 */
@Repository
class NotificationRepository {

  private static final String SENT_COLUMNS =
      "tenant_id, email_id, delivery_id, mail_kind, recipient, locale, subject, text_body, html_body, status, detail, sent_at";

  private final JdbcClient jdbc;

  NotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Page<Recipient> recipients(TenantId tenant, PageRequest page) {
    List<Recipient> items = jdbc.sql(
            """
            select tenant_id, recipient_id, email, added_by, added_at from notification_recipient
             where tenant_id = :tenant order by email limit :limit offset :offset
            """)
        .param("tenant", tenant.value())
        .param("limit", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> new Recipient(tenant, rs.getObject("recipient_id", UUID.class), rs.getString("email"),
            rs.getString("added_by"), Utc.read(rs, "added_at")))
        .list();
    long total = jdbc.sql("select count(*) from notification_recipient where tenant_id = :tenant")
        .param("tenant", tenant.value())
        .query(Long.class)
        .single();
    return new Page<>(items, page, total);
  }

  boolean hasRecipient(TenantId tenant, String email) {
    return jdbc.sql("select count(*) from notification_recipient where tenant_id = :tenant and email = :email")
        .param("tenant", tenant.value())
        .param("email", email)
        .query(Long.class)
        .single() > 0;
  }

  void insertRecipient(Recipient recipient) {
    jdbc.sql(
            """
            insert into notification_recipient (tenant_id, recipient_id, email, added_by, added_at)
            values (:tenant, :id, :email, :by, :at)
            """)
        .param("tenant", recipient.tenant().value())
        .param("id", recipient.id())
        .param("email", recipient.email())
        .param("by", recipient.addedBy())
        .param("at", Utc.of(recipient.addedAt()))
        .update();
  }

  Optional<String> deleteRecipient(TenantId tenant, UUID id) {
    Optional<String> email = jdbc.sql(
            "select email from notification_recipient where tenant_id = :tenant and recipient_id = :id")
        .param("tenant", tenant.value())
        .param("id", id)
        .query(String.class)
        .optional();
    email.ifPresent(e -> jdbc.sql("delete from notification_recipient where tenant_id = :tenant and recipient_id = :id")
        .param("tenant", tenant.value())
        .param("id", id)
        .update());
    return email;
  }

  Set<MailKind> optedOut(TenantId tenant, String username) {
    Set<MailKind> kinds = EnumSet.noneOf(MailKind.class);
    jdbc.sql("select mail_kind from notification_opt_out where tenant_id = :tenant and username = :username")
        .param("tenant", tenant.value())
        .param("username", username)
        .query(String.class)
        .list()
        .forEach(k -> kinds.add(MailKind.valueOf(k)));
    return kinds;
  }

  /** Usernames of the tenant's accounts that turned {@code kind} off. */
  Set<String> optedOutOf(TenantId tenant, MailKind kind) {
    return Set.copyOf(jdbc.sql("select username from notification_opt_out where tenant_id = :tenant and mail_kind = :kind")
        .param("tenant", tenant.value())
        .param("kind", kind.name())
        .query(String.class)
        .list());
  }

  void replaceOptOuts(TenantId tenant, String username, Set<MailKind> kinds) {
    jdbc.sql("delete from notification_opt_out where tenant_id = :tenant and username = :username")
        .param("tenant", tenant.value())
        .param("username", username)
        .update();
    for (MailKind kind : kinds) {
      jdbc.sql("insert into notification_opt_out (tenant_id, username, mail_kind) values (:tenant, :username, :kind)")
          .param("tenant", tenant.value())
          .param("username", username)
          .param("kind", kind.name())
          .update();
    }
  }

  void insertSent(SentEmail mail) {
    jdbc.sql("insert into sent_email (" + SENT_COLUMNS + ") values (:tenant, :id, :delivery, :kind, :recipient, "
            + ":locale, :subject, :text, :html, :status, :detail, :at)")
        .param("tenant", mail.tenant().value())
        .param("id", mail.id())
        .param("delivery", mail.deliveryId())
        .param("kind", mail.kind().name())
        .param("recipient", mail.recipient())
        .param("locale", mail.locale().toLanguageTag())
        .param("subject", mail.subject())
        .param("text", mail.text())
        .param("html", mail.html())
        .param("status", mail.status().name())
        .param("detail", mail.detail())
        .param("at", Utc.of(mail.sentAt()))
        .update();
  }

  /** Newest first, across organisations; {@code recipient} narrows to addresses containing it. */
  Page<SentEmail> sent(String recipient, PageRequest page) {
    String where = recipient.isEmpty() ? "" : " where recipient like :pattern";
    String pattern = "%" + recipient.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    List<SentEmail> items = jdbc.sql("select " + SENT_COLUMNS + " from sent_email" + where
            + " order by sent_at desc, email_id limit :limit offset :offset")
        .param("pattern", pattern)
        .param("limit", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> sent(rs))
        .list();
    long total = jdbc.sql("select count(*) from sent_email" + where)
        .param("pattern", pattern)
        .query(Long.class)
        .single();
    return new Page<>(items, page, total);
  }

  Optional<SentEmail> sent(TenantId tenant, UUID id) {
    return jdbc.sql("select " + SENT_COLUMNS + " from sent_email where tenant_id = :tenant and email_id = :id")
        .param("tenant", tenant.value())
        .param("id", id)
        .query((rs, i) -> sent(rs))
        .optional();
  }

  private static SentEmail sent(ResultSet rs) throws SQLException {
    return new SentEmail(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("email_id", UUID.class),
        rs.getObject("delivery_id", UUID.class), MailKind.valueOf(rs.getString("mail_kind")),
        rs.getString("recipient"), Locale.forLanguageTag(rs.getString("locale")), rs.getString("subject"),
        rs.getString("text_body"), rs.getString("html_body"), SentEmail.Status.valueOf(rs.getString("status")),
        rs.getString("detail"), Utc.read(rs, "sent_at"));
  }
}
