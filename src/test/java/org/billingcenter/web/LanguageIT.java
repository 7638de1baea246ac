package org.billingcenter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/** 11.15: the switcher keeps the page (also a POST-rendered step), only six languages, the account's own language. */
class LanguageIT extends DatabaseIT {

  static final String COOKIE = "billing-center-lang";

  @Autowired AccountService accounts;

  private SignedInAccount as(String username) {
    return accounts.loadUserByUsername(username);
  }

  private String html(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    response.setCharacterEncoding("UTF-8");
    return response.getContentAsString();
  }

  @Test
  void the_switcher_links_to_the_same_page_with_its_query_and_only_lang_changed() throws Exception {
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 3, 1);
    String page = html(get("/users?subscription=" + s.id() + "&lang=en").with(user(as(org.admin()))));
    assertThat(HtmlUtils.htmlUnescape(page))
        .contains("href=\"/users?subscription=" + s.id() + "&lang=fr-FR\"")
        .contains("href=\"/users?subscription=" + s.id() + "&lang=zh-TW\"")
        .doesNotContain("lang=en&lang");
  }

  @Test
  void switching_language_on_the_confirmation_step_re_submits_it_and_stays_on_it() throws Exception {
    Given org = tenants.tenant(3);
    Subscription s = tenants.subscription(org, 3, 2);
    String review = "/billing/subscriptions/" + s.id() + "/cancel/review";
    String english = html(post(review).param("when", "NOW").param("reason", "MISSING_FEATURES").param("comment", "Ça & <b>that</b>")
        .header("Accept-Language", "en").with(user(as(org.admin()))).with(csrf()));
    assertThat(english).contains("id=\"confirm-cancel\"");

    // The French entry of the switcher is a form posting the same fields to the same step.
    Matcher form = Pattern.compile("<form method=\"post\" action=\"([^\"]*lang=fr-FR)\" class=\"switch\">(.*?)</form>", Pattern.DOTALL)
        .matcher(english);
    assertThat(form.find()).as("a re-submitting French switch").isTrue();
    assertThat(HtmlUtils.htmlUnescape(form.group(1))).isEqualTo(review + "?lang=fr-FR");
    List<String[]> fields = new ArrayList<>();
    Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(form.group(2));
    while (hidden.find()) {
      fields.add(new String[] {hidden.group(1), HtmlUtils.htmlUnescape(hidden.group(2))});
    }
    assertThat(fields).extracting(f -> f[0] + "=" + f[1])
        .contains("when=NOW", "reason=MISSING_FEATURES", "comment=Ça & <b>that</b>");

    MockHttpServletRequestBuilder again = post(review).param("lang", "fr-FR").with(user(as(org.admin()))).with(csrf());
    for (String[] f : fields) {
      if (!f[0].equals("_csrf")) {
        again.param(f[0], f[1]);
      }
    }
    String french = html(again);
    assertThat(french).contains("id=\"confirm-cancel\"").contains("Fonctionnalités manquantes").contains("lang=\"fr-FR\"");
  }

  @Test
  void lang_accepts_the_six_languages_only() throws Exception {
    Given org = tenants.tenant(0);
    MockHttpServletResponse german = mvc.perform(get("/billing/products").param("lang", "de")
        .header("Accept-Language", "da-DK").with(user(as(org.admin())))).andReturn().getResponse();
    assertThat(german.getCookie(COOKIE)).isNull();
    german.setCharacterEncoding("UTF-8");
    assertThat(german.getContentAsString()).contains("lang=\"fr-FR\""); // the account's language, untouched

    for (String other : List.of("de", "xx", "en-ZZ-invalid!", "pt-BR")) {
      MockHttpServletResponse r = mvc.perform(get("/login").param("lang", other).cookie(new Cookie(COOKIE, "zh-TW")))
          .andReturn().getResponse();
      r.setCharacterEncoding("UTF-8");
      assertThat(r.getCookie(COOKIE)).as(other).isNull();
      assertThat(r.getContentAsString()).as(other).contains("lang=\"zh-TW\"");
    }
    MockHttpServletResponse danish = mvc.perform(get("/login").param("lang", "da")).andReturn().getResponse();
    assertThat(danish.getCookie(COOKIE).getValue()).isEqualTo("da-DK");
    // A cookie naming an unsupported language counts as none.
    MockHttpServletResponse forged = mvc.perform(get("/login").cookie(new Cookie(COOKIE, "de")).header("Accept-Language", "bg"))
        .andReturn().getResponse();
    forged.setCharacterEncoding("UTF-8");
    assertThat(forged.getContentAsString()).contains("lang=\"bg-BG\"");
  }

  @Test
  void an_admin_saves_his_language_on_his_account_and_it_wins_over_the_browser_but_not_the_switcher() throws Exception {
    Given org = tenants.tenant(0); // created with the tenant's language, fr-FR
    MockHttpServletResponse saved = mvc.perform(post("/account/language").param("language", "da-DK")
        .with(user(as(org.admin()))).with(csrf())).andReturn().getResponse();
    assertThat(saved.getRedirectedUrl()).isEqualTo("/account");
    assertThat(saved.getCookie(COOKIE).getValue()).isEqualTo("da-DK");

    // A later sign-in elsewhere (no cookie), browser in English: Danish.
    assertThat(html(get("/billing/products").header("Accept-Language", "en").with(user(as(org.admin())))))
        .contains("lang=\"da-DK\"");
    assertThat(html(get("/account").with(user(as(org.admin()))))).contains("<option value=\"da-DK\" selected=\"selected\"");
    // The switcher still changes the visit.
    assertThat(html(get("/billing/products").param("lang", "zh-CN").with(user(as(org.admin())))))
        .contains("lang=\"zh-CN\"");

    // An unknown language is refused and changes nothing; the empty choice is the browser's language.
    mvc.perform(post("/account/language").param("language", "de").header("Referer", "http://localhost/account")
        .with(user(as(org.admin()))).with(csrf())).andExpect(status().is3xxRedirection());
    assertThat(as(org.admin()).account().locale().toLanguageTag()).isEqualTo("da-DK");
    mvc.perform(post("/account/language").param("language", "").with(user(as(org.admin()))).with(csrf()));
    assertThat(as(org.admin()).account().locale()).isNull();
    assertThat(html(get("/billing/products").header("Accept-Language", "bg").with(user(as(org.admin())))))
        .contains("lang=\"bg-BG\"");
  }
}
