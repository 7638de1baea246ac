package org.billingcenter.admins;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.billingcenter.account.AccountReason;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.EmailAddress;
import org.billingcenter.account.Role;
import org.billingcenter.admins.AccessTokenRepository.Link;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.audit.AuditLog.Change;
import org.billingcenter.outbox.EventData;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.Outbox;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.billingcenter.shared.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: the account is made only when the invitee accepts, with the address as its username
 * and a password he chooses. The mail goes through the outbox (an internal event: it carries the
 * token, which is stored nowhere else but as its hash).
 */
@Service
public class InvitationService {

  private final AccessTokenRepository links;
  private final AccountService accounts;
  private final OrganisationNames organisations;
  private final AdminsSettings settings;
  private final AuditLog audit;
  private final Outbox outbox;
  private final Clock clock;

  InvitationService(AccessTokenRepository links, AccountService accounts, OrganisationNames organisations,
      AdminsSettings settings, AuditLog audit, Outbox outbox, Clock clock) {
    this.links = links;
    this.accounts = accounts;
    this.organisations = organisations;
    this.settings = settings;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** What the page of a link shows before the invitee sets his password. */
  public record Opened(Invitation invitation, String organisation) {}

  /**
   * Invites someone to become an admin with {@code roles}; {@code inviterName} is said in the mail
   * (null: the organisation is named alone, as when the operator opens it).
   */
  @Transactional
  public Invitation invite(TenantId tenant, NewInvitation asked, String actor, String inviterName) {
    String email = EmailAddress.normalised(asked.email()).orElseThrow(() -> new Rejected(AccountReason.EMAIL_INVALID));
    Set<Role> roles = Set.copyOf(asked.roles());
    if (roles.isEmpty() || !roles.stream().allMatch(Role::isTenantRole)) {
      throw new Rejected(AdminsReason.ROLES_INVALID);
    }
    if (accounts.addressInUse(email)) {
      throw new Rejected(AdminsReason.ADDRESS_IN_USE, email);
    }
    Instant now = clock.instant();
    if (links.pendingFor(tenant, Purpose.INVITATION, email, now)) {
      throw new Rejected(AdminsReason.INVITATION_PENDING, email);
    }
    links.withdrawExpired(tenant, Purpose.INVITATION, email, now);
    Locale locale = asked.locale() == null || asked.locale().isBlank() ? null : Locale.forLanguageTag(asked.locale());
    Link link = new Link(tenant, UUID.randomUUID(), Purpose.INVITATION, email, asked.displayName().strip(), roles,
        locale, null, actor, now, now.plus(settings.invitationValidity()), null, null);
    String token = LinkTokens.newToken();
    links.insert(link, LinkTokens.hash(token));
    audit.record(tenant, actor, Change.of("ADMIN_INVITED", "invitation", link.id()).to(email + " " + names(roles)));
    mail(link, token, inviterName);
    return link.invitation();
  }

  /** A new link for the same invitation (the previous one stops working), valid for the full time again. */
  @Transactional
  public Invitation resend(TenantId tenant, UUID id, String actor, String inviterName) {
    Link link = open(tenant, id);
    Instant now = clock.instant();
    String token = LinkTokens.newToken();
    Link renewed = new Link(tenant, id, Purpose.INVITATION, link.email(), link.displayName(), link.roles(),
        link.locale(), null, link.createdBy(), now, now.plus(settings.invitationValidity()), null, null);
    links.renew(tenant, id, LinkTokens.hash(token), now, renewed.expiresAt());
    audit.record(tenant, actor, Change.of("ADMIN_INVITATION_RESENT", "invitation", id).to(link.email()));
    mail(renewed, token, inviterName);
    return renewed.invitation();
  }

  @Transactional
  public void withdraw(TenantId tenant, UUID id, String actor) {
    Link link = open(tenant, id);
    links.withdraw(tenant, id, clock.instant());
    audit.record(tenant, actor, Change.of("ADMIN_INVITATION_WITHDRAWN", "invitation", id).from(link.email()));
  }

  /** Invitations neither accepted nor withdrawn, oldest first; expired ones too (they can be resent). */
  @Transactional(readOnly = true)
  public Page<Invitation> pending(TenantId tenant, PageRequest page) {
    return new Page<>(links.openList(tenant, Purpose.INVITATION, page).stream().map(Link::invitation).toList(), page,
        links.openCount(tenant, Purpose.INVITATION));
  }

  /** The invitation behind a link, while it can still be accepted; else {@link AdminsReason#LINK_INVALID}. */
  @Transactional(readOnly = true)
  public Opened show(String token) {
    Link link = usable(token, Purpose.INVITATION);
    return new Opened(link.invitation(), organisations.nameOf(link.tenant()));
  }

  /**
   * Accepts: the link is used (once, even against a concurrent use), the account made with the
   * address as its username, the roles invited and the password chosen (the password policy).
   */
  @Transactional
  public AdminAccount accept(String token, String password, String again) {
    Link link = usable(token, Purpose.INVITATION);
    if (password == null || !password.equals(again)) {
      throw new Rejected(AdminsReason.PASSWORDS_DIFFER);
    }
    if (!links.markUsed(link.tenant(), link.id(), clock.instant())) {
      throw new Rejected(AdminsReason.LINK_INVALID);
    }
    if (accounts.addressInUse(link.email())) {
      throw new Rejected(AdminsReason.ADDRESS_IN_USE, link.email());
    }
    AdminAccount account = new AdminAccount(link.email(), link.tenant(), link.displayName(), link.roles(),
        link.locale(), link.email());
    accounts.createTenantAccount(account, password, link.email());
    audit.record(link.tenant(), link.email(), Change.of("ADMIN_INVITATION_ACCEPTED", "invitation", link.id())
        .to(link.email()));
    return accounts.tenantAccount(link.tenant(), link.email()).orElse(account);
  }

  private Link usable(String token, Purpose purpose) {
    if (!LinkTokens.wellFormed(token)) {
      throw new Rejected(AdminsReason.LINK_INVALID);
    }
    return links.findByHash(LinkTokens.hash(token))
        .filter(l -> l.purpose() == purpose && l.usable(clock.instant()))
        .orElseThrow(() -> new Rejected(AdminsReason.LINK_INVALID));
  }

  private Link open(TenantId tenant, UUID id) {
    return links.open(tenant, Purpose.INVITATION, id)
        .orElseThrow(() -> new Rejected(AdminsReason.INVITATION_NOT_FOUND, id));
  }

  private void mail(Link link, String token, String inviterName) {
    outbox.append(link.tenant(), EventType.ADMIN_INVITED, link.id(), EventData.of("invitationId", link.id())
        .with("email", link.email())
        .with("displayName", link.displayName())
        .with("roles", names(link.roles()))
        .with("locale", link.locale() == null ? null : link.locale().toLanguageTag())
        .with("invitedBy", inviterName)
        .with("expiresAt", link.expiresAt())
        .with("token", token)
        .asMap());
  }

  private static List<String> names(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.toList());
  }
}
