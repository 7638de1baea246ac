package org.billingcenter.notification;

import java.util.List;
import org.billingcenter.shared.Message;

/**
 * What one event's mail says, before it is put into a language: sentences whose arguments are still
 * values (money, dates, counts, names), a list of names (who loses access), and the path of the
 * page concerned. The same content is rendered once per recipient, in his language.
 */
record MailContent(MailKind kind, String organisation, Message subject, List<Message> lines, List<String> names,
    Message afterNames, String linkPath) {

  MailContent {
    lines = List.copyOf(lines);
    names = List.copyOf(names);
  }
}
