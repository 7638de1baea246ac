package org.billingcenter.admins;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.EmailAddress;
import org.billingcenter.admins.AccessTokenRepository.Link;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.outbox.EventData;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.shared.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten passwords. A request is answered before anything is looked up: the lookup and the
 * mail are written on a background thread, so known and unknown addresses get the same answer in
 * the same time. Organisation accounts only: operator-side accounts (no organisation) get no mail;
 * their passwords are reset by whoever runs the service (see the README).
 */
@Service
public class PasswordResetService implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);

  private final AccessTokenRepository links;
  private final AccountService accounts;
  private final OrganisationNames organisations;
  private final AdminsSettings settings;
  private final ResetThrottle throttle;
  private final AuditLog audit;
  private final Outbox outbox;
  private final Clock clock;
  private final TransactionTemplate tx;
  /** One thread, a bounded queue: a flood of requests is dropped, never queued without end. */
  private final ThreadPoolExecutor background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new LinkedBlockingQueue<>(1_000), r -> new Thread(r, "password-reset"), new ThreadPoolExecutor.DiscardPolicy());

  PasswordResetService(AccessTokenRepository links, AccountService accounts, OrganisationNames organisations,
      AdminsSettings settings, ResetThrottle throttle, AuditLog audit, Outbox outbox, Clock clock,
      TransactionTemplate tx) {
    this.links = links;
    this.accounts = accounts;
    this.organisations = organisations;
    this.settings = settings;
    this.throttle = throttle;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
    this.tx = tx;
  }

  /** What the page of a reset link shows: whose password it sets, in which organisation. */
  public record Opened(String username, String organisation) {}

  /** Someone asked for a link to {@code email} from {@code client}: handled in the background. */
  public void request(String email, String client) {
    background.execute(() -> {
      try {
        requestNow(email, client);
      } catch (RuntimeException e) {
        log.warn("A password reset request could not be handled: {}", e.toString());
      }
    });
  }

  /** Waits until the requests made so far are handled (tests). */
  void awaitIdle() throws InterruptedException, ExecutionException {
    background.submit(() -> { }).get();
  }

  void requestNow(String email, String client) {
    String address;
    try {
      address = EmailAddress.normalised(email).orElse(null);
    } catch (Rejected notAnAddress) {
      return;
    }
    if (address == null || !throttle.allow(address, client)) {
      return;
    }
    tx.executeWithoutResult(status -> {
      List<AdminAccount> found = accounts.tenantAccountsWithAddress(address);
      for (AdminAccount account : found) {
        send(account, address);
      }
    });
  }

  private void send(AdminAccount account, String address) {
    Instant now = clock.instant();
    Link link = new Link(account.tenant(), UUID.randomUUID(), Purpose.PASSWORD_RESET, address, account.displayName(),
        java.util.Set.of(), account.locale(), account.username(), account.username(), now,
        now.plus(settings.resetValidity()), null, null);
    String token = LinkTokens.newToken();
    links.insert(link, LinkTokens.hash(token));
    audit.record(account.tenant(), account.username(),
        Change.of("PASSWORD_RESET_REQUESTED", "admin_account", account.username()));
    outbox.append(account.tenant(), EventType.PASSWORD_RESET_REQUESTED, link.id(), EventData.of("resetId", link.id())
        .with("email", address)
        .with("username", account.username())
        .with("locale", account.locale() == null ? null : account.locale().toLanguageTag())
        .with("validMinutes", settings.resetValidity().toMinutes())
        .with("expiresAt", link.expiresAt())
        .with("token", token)
        .asMap());
  }

  @Transactional(readOnly = true)
  public Opened show(String token) {
    Link link = usable(token);
    return new Opened(link.username(), organisations.nameOf(link.tenant()));
  }

  /** Sets the new password (the policy), uses the link once, and ends the account's sessions. */
  @Transactional
  public String reset(String token, String password, String again) {
    Link link = usable(token);
    if (password == null || !password.equals(again)) {
      throw new Rejected(AdminsReason.PASSWORDS_DIFFER);
    }
    if (!links.markUsed(link.tenant(), link.id(), clock.instant())) {
      throw new Rejected(AdminsReason.LINK_INVALID);
    }
    accounts.changePassword(link.tenant(), link.username(), password, link.username());
    links.withdrawResets(link.tenant(), link.username(), clock.instant());
    return link.username();
  }

  private Link usable(String token) {
    if (!LinkTokens.wellFormed(token)) {
      throw new Rejected(AdminsReason.LINK_INVALID);
    }
    return links.findByHash(LinkTokens.hash(token))
        .filter(l -> l.purpose() == Purpose.PASSWORD_RESET && l.usable(clock.instant()))
        .orElseThrow(() -> new Rejected(AdminsReason.LINK_INVALID));
  }

  @Override
  public void destroy() {
    background.shutdownNow();
  }
}
