package org.billingcenter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Only paths of this application survive as redirect targets; everything else goes home. */
class LocalRedirectTest {

  private static MockHttpServletRequest request(String method, String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
    request.setScheme("http");
    request.setServerName("localhost");
    request.setServerPort(8080);
    return request;
  }

  @ParameterizedTest(name = "Referer {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // our own pages: path and query kept, origin dropped
        "http://localhost:8080/users                          | /users",
        "http://LOCALHOST:8080/users?subscription=a%20b&x=1   | /users?subscription=a%20b&x=1",
        "http://localhost:8080/billing/products#top           | /billing/products",
        "/billing/products?lang=fr-FR                         | /billing/products?lang=fr-FR",
        // another site, however it is dressed up
        "http://evil.example/?localhost                       | /",
        "http://evil.example/localhost:8080                   | /",
        "http://localhost.evil.com:8080/users                 | /",
        "http://localhost:8080@evil.com/users                 | /",
        "http://user@localhost:8080/users                     | /",
        "https://localhost:8080/users                         | /",
        "http://localhost/users                               | /",
        "http://localhost:9090/users                          | /",
        "//evil.com                                           | /",
        "//evil.com/users                                     | /",
        "///evil.com                                          | /",
        "http://localhost:8080//evil.com                      | /",
        "/\\evil.com                                          | /",
        "\\\\evil.com                                         | /",
        "/%09/evil.com                                        | /%09/evil.com",
        "https:evil.com                                       | /",
        "http:evil.com                                        | /",
        "http:/evil.com                                       | /",
        "javascript:alert(document.domain)                    | /",
        "JaVaScRiPt:alert(1)                                  | /",
        "data:text/html;base64,PHNjcmlwdD4=                   | /",
        "evil.com                                             | /",
        "users                                                | /",
        "%2F%2Fevil.com                                       | /",
        "http://localhost:8080/{evil}                         | /",
        "http://localhost:8080/users?next=http://evil.com     | /users?next=http://evil.com",
        "\"\"                                                  | /",
      })
  void a_target_from_the_request_is_a_local_path_or_home(String candidate, String expected) {
    assertThat(LocalRedirect.target(candidate, request("POST", "/users/unassign"))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "control character {0} is refused")
  @CsvSource({"9", "10", "13", "0", "32", "127"})
  void tabs_newlines_and_other_control_characters_are_refused(int character) {
    String hostile = "/" + (char) character + "/evil.com";
    assertThat(LocalRedirect.target(hostile, request("POST", "/x"))).isEqualTo("/");
  }

  @ParameterizedTest(name = "non-ASCII {0}")
  @CsvSource({"/\u3002evil.com", "/\uff0fevil.com", "http://localhost:8080/caf\u00e9"})
  void non_ascii_is_refused(String hostile) {
    assertThat(LocalRedirect.target(hostile, request("POST", "/x"))).isEqualTo("/");
  }

  @ParameterizedTest(name = "{0} Referer {1}")
  @CsvSource({
    "GET,  http://localhost:8080/billing/subscriptions/1?a=b, /",
    "GET,  http://localhost:8080/billing/products, /billing/products",
    "POST, http://localhost:8080/billing/subscriptions/1?a=b, /billing/subscriptions/1?a=b",
  })
  void a_page_that_cannot_be_shown_never_sends_the_browser_back_to_itself(
      String method, String referer, String expected) {
    MockHttpServletRequest request = request(method, "/billing/subscriptions/1");
    request.setQueryString("a=b");
    request.addHeader("Referer", referer);
    assertThat(LocalRedirect.back(request)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "no Referer on {0}")
  @CsvSource({"GET", "POST"})
  void without_a_referer_it_is_home(String method) {
    assertThat(LocalRedirect.back(request(method, "/users/unassign"))).isEqualTo("/");
  }
}
