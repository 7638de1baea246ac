package org.billingcenter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PageLinksTest {

  private static Page<String> page(int page, int size, long total) {
    return new Page<>(List.of(), new PageRequest(page, size), total);
  }

  @Test
  void the_middle_page_links_to_all_four_neighbours_keeping_the_other_parameters() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/support/callback-requests");
    request.addParameter("status", "NEW");
    request.addParameter("page", "2");
    PageLinks links = PageLinks.of(request, page(2, 50, 120), "page");
    assertThat(links.header()).isEqualTo(
        "</api/v1/support/callback-requests?status=NEW&page=1&size=50>; rel=\"first\", "
            + "</api/v1/support/callback-requests?status=NEW&page=1&size=50>; rel=\"prev\", "
            + "</api/v1/support/callback-requests?status=NEW&page=3&size=50>; rel=\"next\", "
            + "</api/v1/support/callback-requests?status=NEW&page=3&size=50>; rel=\"last\"");
  }

  @Test
  void a_single_page_has_no_prev_or_next() {
    PageLinks links = PageLinks.of(new MockHttpServletRequest("GET", "/api/v1/members"), page(1, 50, 0), "page");
    assertThat(links.header())
        .isEqualTo("</api/v1/members?page=1&size=50>; rel=\"first\", </api/v1/members?page=1&size=50>; rel=\"last\"");
  }

  @Test
  void what_a_caller_sent_cannot_break_the_header_or_change_meaning() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/members");
    request.addParameter("q", "a+b <x>, \"y\"; z&w=1");
    String header = PageLinks.of(request, page(1, 10, 30), "page").header();
    assertThat(header).contains("q=a%2Bb%20%3Cx%3E,%20%22y%22;%20z%26w%3D1&page=2&size=10");
  }

  @Test
  void a_parameter_without_a_value_is_kept_empty() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/members");
    request.setParameter("flag", (String) null);
    assertThat(PageLinks.of(request, page(1, 10, 30), "page").next()).isEqualTo("/api/v1/members?flag=&page=2&size=10");
  }

  @Test
  void a_page_past_the_end_goes_back_to_the_last_one() {
    PageLinks links = PageLinks.of(new MockHttpServletRequest("GET", "/api/v1/members"), page(9, 50, 120), "page");
    assertThat(links.prev()).isEqualTo("/api/v1/members?page=3&size=50");
    assertThat(links.next()).isNull();
  }

  @Test
  void the_way_back_from_a_bad_page_drops_every_paging_parameter() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/billing/invoices");
    request.addParameter("creditsPage", "abc");
    request.addParameter("lang", "da-DK");
    request.addParameter("size", "0");
    request.addParameter("page", "0");
    assertThat(PageLinks.firstPages(request)).isEqualTo("/billing/invoices?lang=da-DK");
  }
}
