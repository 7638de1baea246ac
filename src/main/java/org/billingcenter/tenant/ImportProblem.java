package org.billingcenter.tenant;

import java.util.List;
import org.billingcenter.shared.Message;

/**
 * One bad line of a members CSV file: its line number in the file (1 is the header), the field
 * ({@code displayName}, {@code email}, or {@code row}, {@code header}, {@code file} when the whole
 * line or file is wrong), what is wrong and the values its message needs.
 */
public record ImportProblem(int line, String field, ImportIssue issue, List<Object> arguments) {

  public static final String ROW = "row";
  public static final String HEADER = "header";
  public static final String FILE = "file";

  public ImportProblem {
    arguments = List.copyOf(arguments);
  }

  static ImportProblem of(int line, String field, ImportIssue issue, Object... arguments) {
    return new ImportProblem(line, field, issue, List.of(arguments));
  }

  /** The sentence to show, in the reader's language. */
  public Message message() {
    return new Message(issue.messageKey(), arguments);
  }
}
