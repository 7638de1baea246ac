package org.billingcenter.notification;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.EmailAddress;
import org.billingcenter.account.Role;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who gets an organisation's mails: its Global and Billing admins with an address (less the optional
 * mails each turned off) and the additional recipients a Billing or Global admin added. Role checks
 * are the callers' (pages and API); every change is audited.
 */
@Service
public class NotificationService {

  /** Additional recipients per organisation: a list of people; more than this is a mailing list's job. */
  public static final int MAX_RECIPIENTS = 200;

  private final NotificationRepository repository;
  private final AccountService accounts;
  private final AuditLog audit;
  private final Clock clock;

  NotificationService(NotificationRepository repository, AccountService accounts, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  /** All of them (at most {@link #MAX_RECIPIENTS}), by address. */
  @Transactional(readOnly = true)
  public List<Recipient> recipients(TenantId tenant) {
    return repository.recipients(tenant, new PageRequest(1, MAX_RECIPIENTS)).items();
  }

  @Transactional(readOnly = true)
  public Page<Recipient> recipients(TenantId tenant, PageRequest page) {
    return repository.recipients(tenant, page);
  }

  @Transactional
  public Recipient addRecipient(TenantId tenant, String email, String actor) {
    String address = EmailAddress.normalised(email)
        .orElseThrow(() -> new Rejected(org.billingcenter.account.AccountReason.EMAIL_INVALID));
    if (repository.hasRecipient(tenant, address)) {
      throw new Rejected(NotificationReason.RECIPIENT_ALREADY_ADDED, address);
    }
    if (repository.recipients(tenant, PageRequest.FIRST).total() >= MAX_RECIPIENTS) {
      throw new Rejected(NotificationReason.TOO_MANY_RECIPIENTS, MAX_RECIPIENTS);
    }
    Recipient recipient = new Recipient(tenant, UUID.randomUUID(), address, actor, clock.instant());
    repository.insertRecipient(recipient);
    audit.record(tenant, actor, Change.of("NOTIFICATION_RECIPIENT_ADDED", "notification_recipient", recipient.id())
        .to(address));
    return recipient;
  }

  @Transactional
  public void removeRecipient(TenantId tenant, UUID id, String actor) {
    String address = repository.deleteRecipient(tenant, id)
        .orElseThrow(() -> new Rejected(NotificationReason.RECIPIENT_NOT_FOUND));
    audit.record(tenant, actor, Change.of("NOTIFICATION_RECIPIENT_REMOVED", "notification_recipient", id)
        .from(address));
  }

  /** The optional mails the admin turned off for himself. */
  @Transactional(readOnly = true)
  public Set<MailKind> optedOut(TenantId tenant, String username) {
    return repository.optedOut(tenant, username);
  }

  /** The admin's own choice: he gets the optional mails in {@code wanted}, no other optional one. */
  @Transactional
  public void chooseOptionalMails(TenantId tenant, String username, Set<MailKind> wanted) {
    Set<MailKind> off = EnumSet.noneOf(MailKind.class);
    for (MailKind kind : MailKind.values()) {
      if (kind.optional() && !wanted.contains(kind)) {
        off.add(kind);
      }
    }
    Set<MailKind> before = repository.optedOut(tenant, username);
    repository.replaceOptOuts(tenant, username, off);
    audit.record(tenant, username, Change.of("NOTIFICATIONS_CHOSEN", "admin_account", username).from(before).to(off));
  }

  /**
   * Where a mail of {@code kind} goes: admins' addresses first (each once), then the additional
   * recipients not already among them.
   */
  @Transactional(readOnly = true)
  public List<String> addressesFor(TenantId tenant, MailKind kind) {
    Set<String> optedOut = kind.optional() ? repository.optedOutOf(tenant, kind) : Set.of();
    Set<String> addresses = new LinkedHashSet<>();
    for (AdminAccount admin : accounts.tenantAccounts(tenant)) {
      boolean role = admin.has(Role.GLOBAL_ADMIN) || (!kind.globalAdminsOnly() && admin.has(Role.BILLING_ADMIN));
      if (role && admin.email() != null && !optedOut.contains(admin.username())) {
        addresses.add(admin.email());
      }
    }
    if (!kind.globalAdminsOnly()) {
      recipients(tenant).forEach(r -> addresses.add(r.email()));
    }
    return List.copyOf(addresses);
  }

  /** The language of the admin account with this address, if one has both. */
  @Transactional(readOnly = true)
  public Optional<Locale> accountLocale(TenantId tenant, String address) {
    return accounts.tenantAccounts(tenant).stream()
        .filter(a -> address.equals(a.email()) && a.locale() != null)
        .map(AdminAccount::locale)
        .findFirst();
  }

  @Transactional
  public void recordSent(SentEmail mail) {
    repository.insertSent(mail);
  }

  /** The operator's view of every organisation's mails, newest first. */
  @Transactional(readOnly = true)
  public Page<SentEmail> sentEmails(String recipient, PageRequest page) {
    return repository.sent(recipient == null ? "" : recipient.strip().toLowerCase(Locale.ROOT), page);
  }

  @Transactional(readOnly = true)
  public SentEmail sentEmail(TenantId tenant, UUID id) {
    return repository.sent(tenant, id).orElseThrow(() -> new Rejected(NotificationReason.SENT_EMAIL_NOT_FOUND));
  }
}
