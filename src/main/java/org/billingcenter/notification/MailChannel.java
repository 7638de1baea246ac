package org.billingcenter.notification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.document.DocumentPdf;
import org.billingcenter.document.DocumentService;
import org.billingcenter.outbox.Attempt;
import org.billingcenter.outbox.Channel;
import org.billingcenter.outbox.Delivery;
import org.billingcenter.outbox.DeliveryChannel;
import org.billingcenter.outbox.OutboxEvent;
import org.billingcenter.tenant.Tenant;
import org.billingcenter.tenant.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The outbox's e-mail channel: an event that has a mail goes to each of its recipients' addresses
 * (one delivery per address), rendered at send time in that recipient's language (his account's,
 * else the organisation's) and kept, sent or not, in the sent mails.
 */
@Component
class MailChannel implements DeliveryChannel {

  private static final Logger log = LoggerFactory.getLogger(MailChannel.class);

  private final NotificationService notifications;
  private final MailComposer composer;
  private final MailRenderer renderer;
  private final MailOutlet outlet;
  private final TenantService tenants;
  private final Clock clock;
  private final DocumentService documents; // Issue 16 (pdf)

  MailChannel(NotificationService notifications, MailComposer composer, MailRenderer renderer, MailOutlet outlet,
      TenantService tenants, Clock clock, DocumentService documents) {
    this.documents = documents; // Issue 16 (pdf)
    this.notifications = notifications;
    this.composer = composer;
    this.renderer = renderer;
    this.outlet = outlet;
    this.tenants = tenants;
    this.clock = clock;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  /** Nothing while sending is off (PostgreSQL without an SMTP server): no delivery would ever succeed. */
  @Override
  public Map<UUID, List<String>> targetsFor(List<OutboxEvent> events) {
    Map<UUID, List<String>> targets = new LinkedHashMap<>();
    if (!outlet.sending()) {
      return targets;
    }
    for (OutboxEvent event : events) {
      // Issue 18 mails: begin (a kind may mail only some of its events: a receipt only for money recovered)
      MailKind.of(event.type()).filter(kind -> composer.mails(kind, event)).ifPresent(kind -> {
      // Issue 18 mails: end
        List<String> addresses = kind.personal() // Issue 15: the address the event names
            ? composer.personalAddress(event).map(List::of).orElse(List.of())
            : notifications.addressesFor(event.tenant(), kind);
        if (!addresses.isEmpty()) {
          targets.put(event.eventId(), addresses);
        }
      });
    }
    return targets;
  }

  @Override
  public Attempt send(Delivery delivery, OutboxEvent event) {
    long started = clock.millis();
    Optional<MailKind> kind = MailKind.of(event.type());
    if (kind.isEmpty() || !outlet.sending()) {
      return Attempt.giveUp(null, 0, kind.isEmpty() ? "no mail for " + event.type().wireName() : "e-mail sending is off");
    }
    RenderedMail mail;
    try {
      Tenant tenant = tenants.get(event.tenant());
      Locale locale = kind.get().personal() // Issue 15: the language the event names (the inviter's choice)
          ? composer.personalLocale(event).orElse(tenant.locale())
          : notifications.accountLocale(event.tenant(), delivery.target()).orElse(tenant.locale());
      mail = renderer.render(composer.compose(kind.get(), event), locale, tenant.country());
    } catch (RuntimeException e) {
      // A mail that cannot be written now will not be written on a retry either (bad data, a template error).
      log.error("Cannot write the {} mail of event {}", event.type().wireName(), event.eventId(), e);
      return Attempt.giveUp(null, clock.millis() - started, "cannot write the mail: " + e.getClass().getSimpleName());
    }
    Optional<MailOutlet.Refusal> refusal = outlet.send(delivery.target(), mail, attachment(kind.get(), event));
    long took = clock.millis() - started;
    Optional<String> secret = composer.secretOf(event);
    RenderedMail kept = secret.map(mail::redacted).orElse(mail); // Issue 15: no token kept
    secret.filter(s -> outlet.mode() == MailOutlet.Mode.EMBEDDED).ifPresent(s -> showLinkForDevelopment(mail, s, delivery));
    notifications.recordSent(new SentEmail(event.tenant(), UUID.randomUUID(), delivery.deliveryId(), mail.kind(),
        delivery.target(), mail.locale(), kept.subject(), kept.text(), kept.html(),
        refusal.isEmpty() ? SentEmail.Status.SENT : SentEmail.Status.FAILED,
        refusal.map(r -> excerpt(r.detail())).orElse(null), clock.instant()));
    if (refusal.isEmpty()) {
      return Attempt.delivered(250, took, "accepted by the SMTP server");
    }
    MailOutlet.Refusal r = refusal.get();
    return r.permanent()
        ? Attempt.giveUp(r.code(), took, excerpt(r.detail()))
        : Attempt.retry(r.code(), took, excerpt(r.detail()));
  }

  /**
   * Issue 16 (pdf): an invoice mail carries the invoice's PDF (in the profile's invoice language)
   * when the organisation's billing profile asks for it. A PDF that cannot be rendered would fail
   * again on every retry: the mail goes without it (the PDF stays downloadable) and the log says why.
   */
  private DocumentPdf attachment(MailKind kind, OutboxEvent event) {
    if (kind != MailKind.INVOICE_ISSUED) {
      return null;
    }
    try {
      return documents.mailAttachment(event.tenant(), UUID.fromString(event.subjectId())).orElse(null);
    } catch (RuntimeException e) {
      log.error("The invoice mail of event {} goes without its PDF", event.eventId(), e);
      return null;
    }
  }

  /**
   * The embedded mail server (the zero-setup H2 run, never with spring.mail.* set) keeps no mailbox
   * and the kept copy is redacted, so without this line nobody trying the service could follow an
   * invitation or reset link. A real SMTP server never gets here.
   */
  private static void showLinkForDevelopment(RenderedMail mail, String secret, Delivery delivery) {
    mail.text().lines().filter(line -> line.contains(secret)).findFirst().ifPresent(line ->
        log.info("Embedded mail server (development only): the {} link for {} is {}", mail.kind(), delivery.target(),
            line.strip()));
  }

  private static String excerpt(String detail) {
    return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
  }
}
