package org.billingcenter.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberCsvTest {

  static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  private static MemberCsv.Read read(String text) {
    return new MemberCsv(VALIDATOR, 10).read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> problems(MemberCsv.Read read) {
    return read.problems().stream()
        .map(p -> p.line() + " " + p.field() + " " + p.issue() + (p.arguments().isEmpty() ? "" : " " + p.arguments()))
        .toList();
  }

  @Test
  void a_good_file_with_a_bom_crlf_and_quoted_commas_and_quotes_reads_every_row() {
    MemberCsv.Read read =
        read("\uFEFFdisplayName,email\r\n\"Lovelace, Ada\",ADA@Example.com\r\n\"Grace \"\"Amazing\"\" Hopper\", grace@example.com \r\n");
    assertThat(read.problems()).isEmpty();
    assertThat(read.rows())
        .extracting(MemberCsv.Row::line, r -> r.details().displayName(), r -> r.details().email())
        .containsExactly(
            tuple(2, "Lovelace, Ada", "ada@example.com"),
            tuple(3, "Grace \"Amazing\" Hopper", "grace@example.com"));
  }

  @Test
  void a_quoted_line_break_is_refused_as_unsafe_and_the_next_row_keeps_its_own_line_number() {
    MemberCsv.Read read = read("displayName,email\n\"Two\nLines\",two@example.com\nKim,kim@example.com\n");
    assertThat(problems(read)).containsExactly("2 displayName UNSAFE_TEXT");
    assertThat(read.rows()).extracting(MemberCsv.Row::line).containsExactly(4);
  }

  @Test
  void every_bad_row_is_reported_with_its_line_number_and_blank_lines_are_skipped() {
    String name201 = "x".repeat(201);
    MemberCsv.Read read =
        read(
            String.join(
                "\n",
                "displayName,email",
                ",empty@example.com",
                "No Mail,",
                "",
                name201 + ",long@example.com",
                "Bad,not-an-address",
                "Ok,ok@example.com",
                "Again,OK@example.com",
                "Three,columns,here",
                ""));
    assertThat(problems(read))
        .containsExactly(
            "2 displayName EMPTY",
            "3 email EMPTY",
            "5 displayName TOO_LONG [200]",
            "6 email BAD_EMAIL",
            "8 email DUPLICATE_IN_FILE [7]",
            "9 row WRONG_COLUMNS [3]");
    assertThat(read.rows()).extracting(MemberCsv.Row::line).containsExactly(7);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "header in other words|name,email\\nKim,kim@example.com|1 header BAD_HEADER",
        "header in other case|DisplayName,Email\\nKim,kim@example.com|1 header BAD_HEADER",
        "header with a third column|displayName,email,phone\\nKim,kim@example.com,1|1 header BAD_HEADER",
        "empty file|''|1 header BAD_HEADER",
        "only the header|displayName,email\\n|1 file NO_ROWS",
        "unclosed quote|displayName,email\\nKim,kim@example.com\\n\"Open,open@example.com\\n|3 file MALFORMED_CSV",
        "text after a closing quote|displayName,email\\n\"Kim\"x,kim@example.com\\n|2 file MALFORMED_CSV",
        "too many rows|displayName,email\\na,a@x.example\\nb,b@x.example\\nc,c@x.example\\nd,d@x.example\\ne,e@x.example\\nf,f@x.example\\ng,g@x.example\\nh,h@x.example\\ni,i@x.example\\nj,j@x.example\\nk,k@x.example\\n|12 file TOO_MANY_ROWS [10]",
        "a tab in a name|displayName,email\\nKim\tLee,kim@example.com\\n|2 displayName UNSAFE_TEXT",
        "an address over 254 characters|displayName,email\\nKim,LONG\\n|2 email TOO_LONG [254]",
      })
  void a_file_that_cannot_be_read_as_members_says_where(String why, String file, String problem) {
    String text = file.replace("\\n", "\n").replace("LONG", "a".repeat(64) + "@" + (("b".repeat(60) + ".").repeat(4)) + "com");
    assertThat(problems(read(text))).as(why).containsExactly(problem);
  }

  @Test
  void a_file_that_is_not_utf8_is_refused_at_the_line_of_the_first_bad_byte() {
    byte[] latin1 = "displayName,email\nJos\u00e9,jose@example.com\n".getBytes(StandardCharsets.ISO_8859_1);
    MemberCsv.Read read = new MemberCsv(VALIDATOR, 5).read(latin1);
    assertThat(problems(read)).containsExactly("2 file NOT_UTF8");
  }

  @Test
  void ten_thousand_rows_read_in_well_under_a_second() {
    String file =
        "displayName,email\n"
            + IntStream.rangeClosed(1, 10_000)
                .mapToObj(i -> "Person " + i + ",p" + i + "@example.com")
                .collect(Collectors.joining("\n"));
    long start = System.nanoTime();
    MemberCsv.Read read = new MemberCsv(VALIDATOR, 10_000).read(file.getBytes(StandardCharsets.UTF_8));
    System.out.printf("MemberCsv read 10,000 rows in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    assertThat(read.problems()).isEmpty();
    assertThat(read.rows()).hasSize(10_000);
  }

  @ParameterizedTest
  @CsvSource({"'  Ada  ', ' ADA@Example.COM ', Ada, ada@example.com"})
  void details_arrive_trimmed_and_the_address_in_lower_case(String name, String email, String wantName, String wantEmail) {
    MemberDetails details = new MemberDetails(name, email);
    assertThat(details.displayName()).isEqualTo(wantName);
    assertThat(details.email()).isEqualTo(wantEmail);
  }

  @Test
  void a_name_with_an_emoji_or_cjk_is_safe_and_a_control_character_is_not() {
    assertThat(VALIDATOR.validate(new MemberDetails("李小龍 😀 Zoë", "li@example.com"))).isEmpty();
    assertThat(VALIDATOR.validate(new MemberDetails("bad \u0000 nul", "li@example.com"))).hasSize(1);
    assertThat(VALIDATOR.validate(new MemberDetails("bad \u0085 next line", "li@example.com"))).hasSize(1);
    assertThat(VALIDATOR.validate(new MemberDetails("bad \u007F delete", "li@example.com"))).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({"50%, 50!%", "a_b, a!_b", "wow!, wow!!", "plain, plain"})
  void like_characters_are_escaped(String text, String escaped) {
    assertThat(MemberService.escapeLike(text)).isEqualTo(escaped);
  }
}
