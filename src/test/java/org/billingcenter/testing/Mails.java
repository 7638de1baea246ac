package org.billingcenter.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reading the mails a test's SMTP server received. */
public final class Mails {

  private Mails() {}

  /** The plain-text part of a mail (or of one of its parts); null when it has none. */
  public static String plainText(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String found = plainText(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
