package org.billingcenter.tenant;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a members CSV file (UTF-8, an optional byte order mark, header {@code displayName,email},
 * RFC 4180 quoting, CRLF or LF) into rows checked against {@link MemberDetails}'s own constraints,
 * and reports every bad line it finds with its line number in the file. Pure: the database's part
 * (addresses that are already members) is the service's.
 */
final class MemberCsv {

  static final List<String> HEADER = List.of("displayName", "email");

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  /** A good row: the line it starts on and the member it describes. */
  record Row(int line, MemberDetails details) {}

  record Read(List<Row> rows, List<ImportProblem> problems) {}

  private final Validator validator;
  private final int maxRows;

  MemberCsv(Validator validator, int maxRows) {
    this.validator = validator;
    this.maxRows = maxRows;
  }

  Read read(byte[] file) {
    List<ImportProblem> problems = new ArrayList<>();
    String text = decode(file, problems);
    if (text == null) {
      return new Read(List.of(), problems);
    }
    LineIndex lines = new LineIndex(text);
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!readHeader(records, problems)) {
        return new Read(List.of(), problems);
      }
      readRows(parser, records, lines, rows, problems);
    } catch (IOException | UncheckedIOException unreadable) {
      problems.add(ImportProblem.of(1, ImportProblem.FILE, ImportIssue.MALFORMED_CSV));
    }
    return new Read(rows, problems);
  }

  /** Strict UTF-8 (a Latin-1 file would be read as garbage names), without a byte order mark. */
  private static String decode(byte[] file, List<ImportProblem> problems) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(file);
    CharBuffer out = CharBuffer.allocate(file.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      problems.add(ImportProblem.of(lineOfByte(file, in.position()), ImportProblem.FILE, ImportIssue.NOT_UTF8));
      return null;
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static int lineOfByte(byte[] file, int position) {
    int line = 1;
    for (int i = 0; i < position; i++) {
      if (file[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static boolean readHeader(Iterator<CSVRecord> records, List<ImportProblem> problems) {
    if (!records.hasNext()) {
      problems.add(ImportProblem.of(1, ImportProblem.HEADER, ImportIssue.BAD_HEADER));
      return false;
    }
    CSVRecord header = records.next();
    if (!header.stream().map(String::strip).toList().equals(HEADER)) {
      problems.add(ImportProblem.of(1, ImportProblem.HEADER, ImportIssue.BAD_HEADER));
      return false;
    }
    return true;
  }

  private void readRows(
      CSVParser parser, Iterator<CSVRecord> records, LineIndex lines, List<Row> rows, List<ImportProblem> problems) {
    Map<String, Integer> firstLineOf = new HashMap<>();
    int count = 0;
    while (true) {
      long linesBefore = parser.getCurrentLineNumber();
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          break;
        }
        record = records.next();
      } catch (UncheckedIOException | IllegalStateException broken) {
        // The lexer cannot go on: this record starts on the line after what was read so far.
        problems.add(ImportProblem.of((int) linesBefore + 1, ImportProblem.FILE, ImportIssue.MALFORMED_CSV));
        return;
      }
      int line = lines.lineOf(record.getCharacterPosition());
      if (++count > maxRows) {
        problems.add(ImportProblem.of(line, ImportProblem.FILE, ImportIssue.TOO_MANY_ROWS, maxRows));
        return;
      }
      check(record, line, firstLineOf).ifPresentOrElse(problems::addAll, () -> rows.add(row(record, line)));
    }
    if (count == 0) {
      problems.add(ImportProblem.of(1, ImportProblem.FILE, ImportIssue.NO_ROWS));
    }
  }

  private static Row row(CSVRecord record, int line) {
    return new Row(line, new MemberDetails(record.get(0), record.get(1)));
  }

  /** The record's problems, or empty when it is a good row (then its address is remembered). */
  private java.util.Optional<List<ImportProblem>> check(CSVRecord record, int line, Map<String, Integer> firstLineOf) {
    if (record.size() != HEADER.size()) {
      return java.util.Optional.of(List.of(ImportProblem.of(line, ImportProblem.ROW, ImportIssue.WRONG_COLUMNS, record.size())));
    }
    MemberDetails details = new MemberDetails(record.get(0), record.get(1));
    // One validate() of the whole record: half the cost of one validateProperty() per field.
    Map<String, List<ConstraintViolation<MemberDetails>>> byField =
        validator.validate(details).stream().collect(java.util.stream.Collectors.groupingBy(v -> v.getPropertyPath().toString()));
    List<ImportProblem> found = new ArrayList<>();
    for (String field : HEADER) {
      worst(byField.getOrDefault(field, List.of())).ifPresent(issue -> found.add(problem(line, field, issue)));
    }
    if (found.isEmpty()) {
      Integer first = firstLineOf.putIfAbsent(details.email(), line);
      if (first != null) {
        found.add(ImportProblem.of(line, "email", ImportIssue.DUPLICATE_IN_FILE, first));
      }
    }
    return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found);
  }

  private static ImportProblem problem(int line, String field, ImportIssue issue) {
    if (issue != ImportIssue.TOO_LONG) {
      return ImportProblem.of(line, field, issue);
    }
    return ImportProblem.of(line, field, issue, field.equals("email") ? MemberDetails.MAX_EMAIL : MemberDetails.MAX_NAME);
  }

  /** One issue per field, the most basic first: an empty value is not also "too long". */
  private static java.util.Optional<ImportIssue> worst(List<ConstraintViolation<MemberDetails>> violations) {
    return violations.stream().map(MemberCsv::issueOf).min(Enum::compareTo);
  }

  private static ImportIssue issueOf(ConstraintViolation<MemberDetails> violation) {
    String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return switch (constraint) {
      case "NotBlank" -> ImportIssue.EMPTY;
      case "Pattern" -> ImportIssue.UNSAFE_TEXT;
      case "Size" -> ImportIssue.TOO_LONG;
      default -> ImportIssue.BAD_EMAIL;
    };
  }

  /** Character positions to line numbers (1-based); a line ends at LF, CRLF or a lone CR. */
  private static final class LineIndex {
    private final String text;
    private final int[] starts;

    LineIndex(String text) {
      this.text = text;
      List<Integer> found = new ArrayList<>();
      found.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
          found.add(i + 1);
        }
      }
      starts = found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A record's position includes the blank lines skipped before it: its own line is after them. */
    int lineOf(long recordPosition) {
      int position = (int) recordPosition;
      while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
        position++;
      }
      int at = java.util.Arrays.binarySearch(starts, position);
      return at >= 0 ? at + 1 : -at - 1;
    }
  }
}
