package org.billingcenter.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.billingcenter.audit.AuditEvent;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The members CSV import through the API: all or none, every bad line reported, 10,000 rows in seconds. */
class MemberImportIT extends DatabaseIT {

  @Autowired MemberService members;
  @Autowired AuditLog audit;

  private MockHttpServletResponse importing(Given org, byte[] file, String language) throws Exception {
    RequestPostProcessor admin = httpBasic(org.admin(), org.password());
    return mvc.perform(post("/api/v1/members/import").with(admin).contentType("text/csv").content(file)
            .header("Accept-Language", language))
        .andReturn().getResponse();
  }

  private MockHttpServletResponse importing(Given org, String file) throws Exception {
    return importing(org, file.getBytes(StandardCharsets.UTF_8), "en");
  }

  private long count(Given org) {
    return members.search(org.id(), null, PageRequest.FIRST).total();
  }

  @Test
  void a_good_file_with_a_bom_crlf_and_quoted_fields_imports_every_row_with_one_audit_row() throws Exception {
    Given org = tenants.tenant(1);
    MockHttpServletResponse done = importing(org,
        "\uFEFFdisplayName,email\r\n\"Lovelace, Ada\",Ada@Example.com\r\n\"Grace \"\"Amazing\"\" Hopper\",grace@example.com\r\n");
    assertThat(done.getStatus()).as(done.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(done.getContentAsString(), "$.imported")).isEqualTo(2);
    assertThat(members.search(org.id(), "example.com", PageRequest.FIRST).items())
        .extracting(Member::displayName, Member::email)
        .containsExactly(
            tuple("Grace \"Amazing\" Hopper", "grace@example.com"),
            tuple("Lovelace, Ada", "ada@example.com"));
    assertThat(audit.history(org.id(), "tenant", org.id().toString()))
        .filteredOn(e -> e.action().equals("MEMBERS_IMPORTED"))
        .extracting(AuditEvent::after)
        .containsExactly("2 members");
  }

  @Test
  void a_file_with_bad_rows_imports_nothing_and_reports_every_bad_line_in_the_callers_language() throws Exception {
    Given org = tenants.tenant(1); // p1@<suffix>.example is already a member
    String existing = members.search(org.id(), null, PageRequest.FIRST).items().get(0).email();
    String file = String.join("\n",
        "displayName,email",
        "Good One,good1@example.com",
        ",nobody@example.com",
        "Bad Mail,not-an-address",
        "Good Two,good2@example.com",
        "Twice,GOOD1@example.com",
        "Known," + existing,
        "Three,columns,here",
        "");
    MockHttpServletResponse refused = importing(org, file.getBytes(StandardCharsets.UTF_8), "fr-FR");
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    String json = refused.getContentAsString();
    assertThat(JsonPath.<String>read(json, "$.code")).isEqualTo("MEMBER_IMPORT_INVALID");
    List<Map<String, Object>> errors = JsonPath.read(json, "$.errors");
    assertThat(errors).extracting(e -> e.get("line") + " " + e.get("field") + " " + e.get("code"))
        .containsExactly(
            "3 displayName EMPTY",
            "4 email BAD_EMAIL",
            "6 email DUPLICATE_IN_FILE",
            "7 email ALREADY_MEMBER",
            "8 row WRONG_COLUMNS");
    assertThat(errors.get(2).get("message").toString()).contains("2"); // the line it first appeared on
    assertThat(JsonPath.<String>read(json, "$.detail")).contains("5");
    assertThat(errors).allSatisfy(e -> assertThat(e.get("message").toString()).doesNotContain("members.import"));
    assertThat(count(org)).as("nothing imported").isEqualTo(1);
  }

  @Test
  void ten_thousand_rows_over_one_megabyte_import_in_seconds() throws Exception {
    Given org = tenants.tenant(0);
    String padding = "x".repeat(100);
    byte[] file = ("displayName,email\r\n" + IntStream.rangeClosed(1, MemberService.MAX_IMPORT_ROWS)
            .mapToObj(i -> "\"Person " + i + ", " + padding + "\",person." + i + "@bulk.example")
            .collect(Collectors.joining("\r\n")))
        .getBytes(StandardCharsets.UTF_8);
    assertThat(file.length).as("more than the 1 MB body limit of other requests").isGreaterThan(1 << 20);
    long start = System.nanoTime();
    MockHttpServletResponse done = importing(org, file, "en");
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("MemberImportIT: imported 10,000 members (%,d bytes) in %d ms%n", file.length, millis);
    assertThat(done.getStatus()).as(done.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(done.getContentAsString(), "$.imported")).isEqualTo(10_000);
    assertThat(count(org)).isEqualTo(10_000);

    Given direct = tenants.tenant(0); // the service alone: parsing, checking and the batched inserts
    start = System.nanoTime();
    assertThat(members.importCsv(direct.id(), file, "t").imported()).isEqualTo(10_000);
    System.out.printf("MemberImportIT: MemberService.importCsv of the same 10,000 rows in %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void more_rows_than_the_maximum_or_a_body_over_the_upload_limit_is_refused_whole() throws Exception {
    Given org = tenants.tenant(0);
    String tooMany = "displayName,email\n" + IntStream.rangeClosed(1, MemberService.MAX_IMPORT_ROWS + 1)
        .mapToObj(i -> "P" + i + ",p" + i + "@many.example").collect(Collectors.joining("\n"));
    MockHttpServletResponse refused = importing(org, tooMany);
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].code")).containsExactly("TOO_MANY_ROWS");
    assertThat(JsonPath.<List<Integer>>read(refused.getContentAsString(), "$.errors[*].line")).containsExactly(10_002);

    byte[] huge = ("displayName,email\n" + "a".repeat(6 << 20)).getBytes(StandardCharsets.UTF_8);
    assertThat(importing(org, huge, "en").getStatus()).isEqualTo(413);
    assertThat(count(org)).isZero();
  }

  @Test
  void an_import_never_touches_another_organisation_whose_members_may_share_addresses() throws Exception {
    Given mine = tenants.tenant(0);
    Given theirs = tenants.tenant(0);
    members.add(theirs.id(), new MemberDetails("Kim", "kim@shared.example"), "t");
    MockHttpServletResponse done = importing(mine, "displayName,email\nKim,kim@shared.example\nLee,lee@shared.example\n");
    assertThat(done.getStatus()).as(done.getContentAsString()).isEqualTo(200);
    assertThat(count(mine)).isEqualTo(2);
    assertThat(members.search(theirs.id(), null, PageRequest.FIRST).items()).extracting(Member::displayName).containsExactly("Kim");
  }

  @Test
  void a_file_that_is_not_utf8_or_has_a_wrong_header_is_refused_with_the_line() throws Exception {
    Given org = tenants.tenant(0);
    MockHttpServletResponse latin1 = importing(org, "displayName,email\nJos\u00e9,jose@example.com\n".getBytes(StandardCharsets.ISO_8859_1), "en");
    assertThat(latin1.getStatus()).isEqualTo(422);
    assertThat(JsonPath.<List<String>>read(latin1.getContentAsString(), "$.errors[*].code")).containsExactly("NOT_UTF8");
    MockHttpServletResponse header = importing(org, "name,mail\nKim,kim@example.com\n");
    assertThat(JsonPath.<List<String>>read(header.getContentAsString(), "$.errors[*].field")).containsExactly("header");
    assertThat(count(org)).isZero();
  }
}
