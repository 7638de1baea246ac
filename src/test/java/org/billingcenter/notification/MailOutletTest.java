package org.billingcenter.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** Which SMTP failures are worth a retry: only a permanent (5xx) refusal of the address is not. */
class MailOutletTest {

  @Test
  void a_permanent_refusal_of_the_address_gives_up() throws Exception {
    var refused = new SMTPAddressFailedException(new InternetAddress("gone@example.org"), "RCPT TO", 550, "no such user");
    MailOutlet.Refusal refusal = MailOutlet.refusal(sendFailure(refused));
    assertThat(refusal.permanent()).isTrue();
    assertThat(refusal.code()).isEqualTo(550);
  }

  @Test
  void a_temporary_refusal_of_the_address_is_retried() throws Exception {
    var busy = new SMTPAddressFailedException(new InternetAddress("busy@example.org"), "RCPT TO", 451, "try later");
    MailOutlet.Refusal refusal = MailOutlet.refusal(sendFailure(busy));
    assertThat(refusal.permanent()).isFalse();
    assertThat(refusal.code()).isEqualTo(451);
  }

  @Test
  void an_unreachable_server_is_retried_and_an_address_that_is_not_one_is_not() {
    assertThat(MailOutlet.refusal(new MailSendException("Connection refused")).permanent()).isFalse();
    assertThat(MailOutlet.refusal(new MailSendException(Map.of("m", new AddressException("bad", "x y@z"))))
        .permanent()).isTrue();
  }

  private static MailSendException sendFailure(MessagingException cause) {
    return new MailSendException(Map.of("message", new SendFailedException("Invalid Addresses", cause)));
  }
}
