package org.billingcenter.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.outbox.Attempt;
import org.billingcenter.outbox.Channel;
import org.billingcenter.outbox.Delivery;
import org.billingcenter.outbox.OutboxDispatcher;
import org.billingcenter.outbox.OutboxEvent;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.Mails;
import org.billingcenter.testing.Outboxes;
import org.billingcenter.testing.TestTenants.Given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail channel against a real SMTP server (GreenMail on a free port, configured by the standard
 * spring.mail.* properties): each recipient gets one mail in his own language, an additional
 * recipient in the organisation's, and an admin who turned an optional mail off does not get it.
 */
class MailDeliveryIT extends DatabaseIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void smtpServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  @Autowired MailChannel channel;
  @Autowired AccountService accounts;
  @Autowired NotificationService notifications;
  @Autowired TransactionTemplate transaction;
  @Autowired OutboxDispatcher dispatcher;

  @Test
  void a_cancellation_mails_every_recipient_once_in_his_own_language() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 3, 2);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String global = email(org.admin(), "global-" + suffix + "@example.org", "zh-TW");
    String danish = admin(org, Role.BILLING_ADMIN, "da-DK", "dana-" + suffix + "@example.org");
    String french = admin(org, Role.BILLING_ADMIN, "fr-FR", "francois-" + suffix + "@example.org");
    admin(org, Role.USER_ADMIN, "en", "users-" + suffix + "@example.org");
    String finance = "Finance-" + suffix + "@Example.org";
    transaction.executeWithoutResult(t -> notifications.addRecipient(org.id(), finance, "test"));

    OutboxEvent cancelled = MailEvents.of(MailKind.SUBSCRIPTION_CANCELLED, org.id(), s.id().toString(),
        List.of(Map.of("memberId", org.members().get(0).toString(), "name", "Person 1")));
    List<String> targets = channel.targetsFor(List.of(cancelled)).get(cancelled.eventId());
    String lowerFinance = finance.toLowerCase(Locale.ROOT);
    assertThat(targets).containsExactlyInAnyOrder(global, danish, french, lowerFinance);

    int before = SMTP.getReceivedMessages().length;
    for (String target : targets) {
      Attempt attempt = channel.send(new Delivery(org.id(), UUID.randomUUID(), cancelled.eventId(), Channel.EMAIL,
          target, 0), cancelled);
      assertThat(attempt.outcome()).as(target).isEqualTo(Attempt.Outcome.DELIVERED);
    }
    List<MimeMessage> mine = Arrays.asList(SMTP.getReceivedMessages()).subList(before, before + 4);
    assertThat(mine).hasSize(4);
    assertThat(Mails.plainText(to(mine, danish))).contains("opsagt").contains("12,34").contains("1. april 2026").contains("Person 1");
    assertThat(to(mine, danish).getHeader("Content-Language")[0]).isEqualTo("da-DK");
    assertThat(Mails.plainText(to(mine, french))).contains("résilié").contains("12,34").contains("1 avril 2026");
    assertThat(Mails.plainText(to(mine, global))).contains("已取消").contains("2026年4月1日");
    MimeMessage toFinance = to(mine, lowerFinance);
    assertThat(toFinance.getSubject()).contains("résilié");
    assertThat(toFinance.getHeader("Content-Language")[0]).isEqualTo("fr-FR");
    assertThat(notifications.sentEmails(danish, PageRequest.FIRST).items())
        .singleElement().satisfies(m -> {
          assertThat(m.locale().toLanguageTag()).isEqualTo("da-DK");
          assertThat(m.status()).isEqualTo(SentEmail.Status.SENT);
          assertThat(m.html()).contains("opsagt");
        });
  }

  /** End to end: the API's cancellation writes its event, the dispatcher fans it out and sends it. */
  @Test
  void a_cancellation_through_the_api_reaches_the_billing_admin_through_the_dispatcher() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 2, 1);
    String danish = admin(org, Role.BILLING_ADMIN, "da-DK", "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
    drain();
    int before = SMTP.getReceivedMessages().length;
    mvc.perform(post("/api/v1/subscriptions/" + s.id() + "/cancellation").with(httpBasic(org.admin(), org.password())))
        .andExpect(status().is2xxSuccessful());
    drain();
    List<MimeMessage> received = Arrays.asList(SMTP.getReceivedMessages()).subList(before, SMTP.getReceivedMessages().length);
    List<MimeMessage> toDanish = received.stream().filter(m -> recipient(m).equals(danish)).toList();
    assertThat(toDanish).hasSize(1);
    assertThat(toDanish.get(0).getSubject()).contains("Test Product").contains("opsagt");
    assertThat(Mails.plainText(toDanish.get(0))).contains("Person 1").contains("kreditering");
  }

  /** Rounds of the dispatcher until one finds nothing to do (other tests' events included). */
  private void drain() {
    Outboxes.drain(dispatcher);
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void an_optional_mail_an_admin_turned_off_is_not_sent_to_him_but_the_others_still_are() {
    Given org = tenants.tenant(1);
    Subscription s = tenants.subscription(org, 1, 1);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String global = email(org.admin(), "g-" + suffix + "@example.org", null);
    String quiet = admin(org, Role.BILLING_ADMIN, "da-DK", "quiet-" + suffix + "@example.org");
    String quietUser = accounts.tenantAccounts(org.id()).stream().filter(a -> quiet.equals(a.email()))
        .findFirst().orElseThrow().username();
    transaction.executeWithoutResult(t -> notifications.chooseOptionalMails(org.id(), quietUser,
        Set.of(MailKind.TRIAL_WILL_END)));

    OutboxEvent invoice = MailEvents.of(MailKind.INVOICE_ISSUED, org.id(), s.id().toString(), List.of());
    OutboxEvent cancelled = MailEvents.of(MailKind.SUBSCRIPTION_CANCELLED, org.id(), s.id().toString(), List.of());
    OutboxEvent webhook = MailEvents.of(MailKind.WEBHOOK_ENDPOINT_DISABLED, org.id(), s.id().toString(), List.of());
    Map<UUID, List<String>> targets = channel.targetsFor(List.of(invoice, cancelled, webhook));
    assertThat(targets.get(invoice.eventId())).containsExactly(global);
    assertThat(targets.get(cancelled.eventId())).containsExactlyInAnyOrder(global, quiet);
    assertThat(targets.get(webhook.eventId())).as("Global admins only").containsExactly(global);
  }

  /** Gives the account an address (and a language, when given); returns the address. */
  private String email(String username, String address, String language) {
    AdminAccount account = accounts.loadUserByUsername(username).account();
    transaction.executeWithoutResult(t -> {
      AdminAccount changed = accounts.chooseEmail(account, address);
      if (language != null) {
        accounts.chooseLocale(changed, Locale.forLanguageTag(language));
      }
    });
    return address;
  }

  private String admin(Given org, Role role, String language, String address) {
    String username = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(t -> accounts.seedTenantAccount(new AdminAccount(username, org.id(), username,
        Set.of(role), Locale.forLanguageTag(language), address), "password", "test"));
    return address;
  }

  private static MimeMessage to(List<MimeMessage> messages, String address) {
    return messages.stream().filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(address);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + address));
  }
}
