package org.billingcenter.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.api.LocalFormats;
import org.billingcenter.api.MoneyView;
import org.billingcenter.billing.BillingRunService;
import org.billingcenter.outbox.EventType;
import org.billingcenter.outbox.OutboxDispatcher;
import org.billingcenter.outbox.OutboxEvent;
import org.billingcenter.payment.BalanceService;
import org.billingcenter.shared.Money;
import org.billingcenter.tenant.PaymentMethod;
import org.billingcenter.tenant.TenantService;
import org.billingcenter.tenant.TenantService.NewPaymentMethod;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.Mails;
import org.billingcenter.testing.Outboxes;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18: the mails of payments that fail, against a real SMTP server (GreenMail). A billing run
 * whose collection the sandbox declines mails the admin, in his language, the amount, why in plain
 * words, the next try and the link to pay; paying the balance then sends him a receipt. A payment
 * taken on the first try sends none: the invoice mail told it already.
 */
class PaymentMailsIT extends DatabaseIT {

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
  @Autowired TenantService tenantService;
  @Autowired BillingRunService runs;
  @Autowired BalanceService balances;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired TransactionTemplate transaction;

  @Test
  void a_declined_collection_mails_the_admin_why_in_his_language_and_paying_the_balance_sends_a_receipt()
      throws Exception {
    Given org = tenants.tenant(1);
    tenants.subscription(org, 2, 0); // paid with the test card (tok_…, always succeeds)
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String admin = email(org.admin(), "payer-" + suffix + "@example.org", "fr-FR");
    PaymentMethod declining = tenantService.addPaymentMethod(org.id(),
        new NewPaymentMethod("tok_chargeDeclined_" + suffix, "Mastercard", "0002", 12, 2035), "test");
    tenantService.makeDefaultPaymentMethod(org.id(), declining.id(), "test");
    Outboxes.drain(dispatcher);
    int before = received(admin, 0).size();

    runs.run(LocalDate.of(2026, 3, 10)); // the purchase's invoice, collected with the default card: declined
    Outboxes.drain(dispatcher);

    String amount = MoneyView.format(Money.of(2000, "EUR"),
        LocalFormats.formatLocale(Locale.FRANCE, tenantService.get(org.id()).country()));
    MimeMessage failed = single(received(admin, before), "Nous n’avons pas pu encaisser");
    assertThat(failed.getSubject()).contains(amount);
    assertThat(failed.getHeader("Content-Language")[0]).isEqualTo("fr-FR");
    assertThat(Mails.plainText(failed)).contains(amount).contains("pour la facture INV-2026-")
        .contains("Votre banque a refusé la carte.").contains("réessaierons automatiquement le 11 mars 2026")
        .contains("http://localhost:8080/billing/balance");
    assertThat(received(admin, before)).extracting(MimeMessage::getSubject)
        .noneMatch(s -> s.startsWith("Paiement reçu"));

    int paid = received(admin, 0).size();
    assertThat(balances.pay(org.id(), org.card(), "test").complete()).isTrue();
    Outboxes.drain(dispatcher);

    MimeMessage receipt = single(received(admin, paid), "Paiement reçu");
    assertThat(receipt.getSubject()).contains(amount);
    assertThat(Mails.plainText(receipt)).contains("Nous avons bien reçu " + amount).contains("Visa •••• 4242")
        .contains("http://localhost:8080/billing/invoices");
  }

  @Test
  void a_payment_that_succeeded_is_mailed_to_the_global_and_billing_admins_only_when_it_recovered_money() {
    Given org = tenants.tenant(0);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String global = email(org.admin(), "g-" + suffix + "@example.org", null);
    String billing = admin(org, Role.BILLING_ADMIN, "billing-" + suffix + "@example.org");
    admin(org, Role.USER_ADMIN, "users-" + suffix + "@example.org");
    OutboxEvent firstTry = succeeded(org, "INVOICE", Map.of("recovered", false));
    OutboxEvent unsaid = succeeded(org, "INVOICE", Map.of());
    OutboxEvent retried = succeeded(org, "RETRY", Map.of("recovered", true));
    OutboxEvent failed = MailEvents.of(MailKind.PAYMENT_FAILED, org.id(), MailEvents.INVOICE, List.of());

    Map<UUID, List<String>> targets = channel.targetsFor(List.of(firstTry, unsaid, retried, failed));

    assertThat(targets).doesNotContainKeys(firstTry.eventId(), unsaid.eventId());
    assertThat(targets.get(retried.eventId())).containsExactlyInAnyOrder(global, billing);
    assertThat(targets.get(failed.eventId())).containsExactlyInAnyOrder(global, billing);
  }

  private static OutboxEvent succeeded(Given org, String trigger, Map<String, Object> recovered) {
    Map<String, Object> data = new java.util.HashMap<>(Map.of("invoiceId", MailEvents.INVOICE, "attemptNumber", 2,
        "trigger", trigger, "amount", MailEvents.CREDIT));
    data.putAll(recovered);
    return MailEvents.payment(EventType.PAYMENT_SUCCEEDED, org.id(), data);
  }

  /** The mails the address received since {@code from} (the server's count then). */
  /**
   * The address's mails after its first {@code from}. GreenMail lists its messages mailbox by
   * mailbox, not in arrival order: only one address's list grows at its end.
   */
  private static List<MimeMessage> received(String address, int from) {
    List<MimeMessage> mine = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> recipient(m).equals(address)).toList();
    return mine.subList(Math.min(from, mine.size()), mine.size());
  }

  private static MimeMessage single(List<MimeMessage> mails, String subjectStart) {
    List<MimeMessage> found = mails.stream().filter(m -> subject(m).startsWith(subjectStart)).toList();
    assertThat(found).as("mails whose subject starts with " + subjectStart + " among "
        + mails.stream().map(PaymentMailsIT::subject).toList()).hasSize(1);
    return found.get(0);
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
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

  private String admin(Given org, Role role, String address) {
    String username = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(t -> accounts.seedTenantAccount(new AdminAccount(username, org.id(), username,
        Set.of(role), Locale.ENGLISH, address), "password", "test"));
    return address;
  }
}
