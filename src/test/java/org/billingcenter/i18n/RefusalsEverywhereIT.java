package org.billingcenter.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billingcenter.account.AccountService;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.Problems;
import org.billingcenter.cancellation.CancelWhen;
import org.billingcenter.cancellation.CancellationService;
import org.billingcenter.cancellation.CancellationService.Request;
import org.billingcenter.cancellation.Canceller;
import org.billingcenter.cancellation.LeavingReason;
import org.billingcenter.shared.Reason;
import org.billingcenter.subscription.Subscription;
import org.billingcenter.subscription.SubscriptionService;
import org.billingcenter.subscription.SubscriptionStatus;
import org.billingcenter.support.CallbackStatus;
import org.billingcenter.testing.DatabaseIT;
import org.billingcenter.testing.TestTenants;
import org.billingcenter.testing.TestTenants.Given;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * 11.16: every refusal (every constant of every {@link Reason} enum, with realistic arguments) on
 * every page that shows refusals, and every cancellation decision on the check and confirmation
 * steps, in all six languages: no raw placeholder, no missing key, no English sentence in a
 * translated page.
 */
class RefusalsEverywhereIT extends DatabaseIT {

  static final List<String> LANGUAGES = List.of("en", "fr-FR", "da-DK", "bg-BG", "zh-CN", "zh-TW");

  /**
   * Realistic arguments by code. A reason not listed here gets one number per placeholder of its
   * English message (so a new reason is still rendered); list it to give it better values.
   */
  static final Map<String, Object[]> ARGUMENTS = Map.ofEntries(
      Map.entry("USERNAME_TAKEN", new Object[] {"alder-admin"}),
      Map.entry("UNSUPPORTED_LANGUAGE", new Object[] {"bg, da, en, fr, zh-CN, zh-TW"}),
      Map.entry("MEMBER_NOT_FOUND", new Object[] {UUID.randomUUID()}),
      Map.entry("MEMBER_EMAIL_TAKEN", new Object[] {"ada@juniper.example"}),
      Map.entry("PLAN_NOT_FOUND", new Object[] {"ledger-monthly"}),
      Map.entry("PLAN_EXISTS", new Object[] {"ledger-monthly"}),
      Map.entry("SUBSCRIPTION_NOT_FOUND", new Object[] {UUID.randomUUID()}),
      Map.entry("QUANTITY_OUT_OF_RANGE", new Object[] {1, 100_000}),
      Map.entry("CURRENCY_MISMATCH", new Object[] {"EUR", "DKK"}),
      Map.entry("TRIAL_ALREADY_RUNNING", new Object[] {"ledger-monthly"}),
      Map.entry("ILLEGAL_TRANSITION", new Object[] {SubscriptionStatus.EXPIRED}),
      Map.entry("NOT_ENOUGH_SEATS", new Object[] {3}),
      Map.entry("MEMBER_NOT_IN_TENANT", new Object[] {3}),
      Map.entry("SUBSCRIPTION_NOT_LIVE", new Object[] {3}),
      Map.entry("TOO_MANY_LICENSES", new Object[] {2, 25}),
      Map.entry("CALLBACK_WRONG_STATUS", new Object[] {CallbackStatus.COMPLETED}),
      Map.entry("CALLBACK_CLAIMED_BY_OTHER", new Object[] {"support-2"}));

  @Autowired Problems problems;
  @Autowired AccountService accounts;
  @Autowired SubscriptionService subscriptions;
  @Autowired CancellationService cancellations;

  Properties english;
  Map<String, Properties> bundles = new LinkedHashMap<>();

  @BeforeEach
  void bundles() throws IOException {
    english = load("messages");
    for (String suffix : List.of("fr", "da", "bg", "zh_CN", "zh_TW")) {
      bundles.put(suffix, load("messages_" + suffix));
    }
  }

  private SignedInAccount as(String username) {
    return accounts.loadUserByUsername(username);
  }

  static List<Reason> everyReason() {
    List<Reason> all = new ArrayList<>();
    for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.billingcenter")) {
      if (type.isEnum() && type.isAssignableTo(Reason.class)) {
        all.addAll(Arrays.asList((Reason[]) type.reflect().getEnumConstants()));
      }
    }
    return all;
  }

  private Object[] argumentsOf(Reason reason) {
    Object[] given = ARGUMENTS.get(reason.code());
    if (given != null) {
      return given;
    }
    String message = english.getProperty("error." + reason.code().toLowerCase(Locale.ROOT), "");
    Matcher placeholders = Pattern.compile("\\{(\\d+)").matcher(message);
    int count = 0;
    while (placeholders.find()) {
      count = Math.max(count, Integer.parseInt(placeholders.group(1)) + 1);
    }
    Object[] numbers = new Object[count];
    Arrays.fill(numbers, 3);
    return numbers;
  }

  @Test
  void every_refusal_reads_right_in_every_language_on_the_pages_that_show_refusals() throws Exception {
    List<Reason> reasons = everyReason();
    assertThat(reasons).extracting(Reason::code).contains("TOO_MANY_LICENSES", "NOT_ENOUGH_SEATS", "CALLBACK_WRONG_STATUS", "USERNAME_TAKEN");
    Given org = tenants.tenant(2);
    Subscription s = tenants.subscription(org, 3, 1);
    String support = "support-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.createOperatorAccount(new AdminAccount(support, null, support, Set.of(Role.SUPPORT_ENGINEER), null), "Quiet-Harbor-Lantern-42");
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("/billing/products", org.admin());
    pages.put("/billing/subscriptions/" + s.id(), org.admin());
    pages.put("/billing/subscriptions/" + s.id() + "/cancel", org.admin());
    pages.put("/users?subscription=" + s.id(), org.admin());
    pages.put("/account", org.admin());
    pages.put("/support", support);
    List<String> problemsFound = new ArrayList<>();
    // Every page shows a refusal through the same notice fragment: each refusal is read on one page,
    // in turn (and on another page in the next language), so every page shows many of them and every
    // refusal is read in every language, at a sixth of the renders of every refusal on every page.
    List<Map.Entry<String, String>> onPages = new ArrayList<>(pages.entrySet());
    int turn = 0;
    for (String language : LANGUAGES) {
      Locale locale = Locale.forLanguageTag(language);
      for (Reason reason : reasons) {
        String refusal = problems.detail(reason.code(), List.of(argumentsOf(reason)), locale);
        Map.Entry<String, String> page = onPages.get(turn++ % onPages.size());
        String text = text(mvc.perform(get(page.getKey()).param("lang", language).flashAttr("error", refusal)
            .with(user(as(page.getValue())))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(text).as(page.getKey()).contains(refusal);
        problemsFound.addAll(flaws(text, language, reason.code() + " on " + page.getKey()));
      }
      turn++; // the next language starts on the next page
    }
    assertThat(problemsFound).isEmpty();
  }

  @Test
  void every_cancellation_decision_reads_right_on_the_check_and_the_confirmation_step_in_every_language() throws Exception {
    Given org = tenants.tenant(25);
    String reader = tenants.account(org, Role.READER);
    Map<String, Subscription> cases = new LinkedHashMap<>();
    cases.put("allowed", tenants.subscription(org, 3, 2));
    cases.put("too many", tenants.subscription(org, 30, 25));
    cases.put("trial that expires", subscriptions.startTrial(org.id(), TestTenants.MONTHLY_PLAN, null, "test"));
    cases.put("trial that converts", subscriptions.startTrial(org.id(), TestTenants.ANNUAL_PLAN, org.card(), "test"));
    Subscription ended = tenants.subscription(org, 2, 0);
    cancellations.cancel(org.id(), ended.id(), Canceller.of(as(org.admin())), new Request(CancelWhen.NOW, LeavingReason.OTHER, null));
    cases.put("already ended", ended);
    Subscription ending = tenants.subscription(org, 2, 0);
    cancellations.cancel(org.id(), ending.id(), Canceller.of(as(org.admin())), new Request(CancelWhen.END_OF_TERM, LeavingReason.OTHER, null));
    cases.put("already ending", ending);

    List<String> problemsFound = new ArrayList<>();
    for (String language : LANGUAGES) {
      for (var c : cases.entrySet()) {
        String path = "/billing/subscriptions/" + c.getValue().id() + "/cancel";
        for (String when : List.of("NOW", "END_OF_TERM")) {
          for (String viewer : List.of(org.admin(), reader)) {
            String check = text(mvc.perform(get(path).param("when", when).param("lang", language).with(user(as(viewer))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            problemsFound.addAll(flaws(check, language, "check of " + c.getKey() + " " + when));
          }
          // The confirmation step of a situation that changed after the preview.
          MockHttpServletRequestBuilder review = post(path + "/review").param("when", when).param("reason", "UNUSED")
              .param("lang", language).with(user(as(org.admin()))).with(csrf());
          String confirm = text(mvc.perform(review).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
          problemsFound.addAll(flaws(confirm, language, "confirmation of " + c.getKey() + " " + when));
        }
      }
    }
    assertThat(problemsFound).isEmpty();
  }

  /** What a reader would trip on: a raw placeholder, a missing key, an English sentence in another language. */
  private List<String> flaws(String text, String language, String where) {
    List<String> found = new ArrayList<>();
    String at = where + " in " + language + ": ";
    if (text.contains("{") || text.contains("}")) {
      found.add(at + "raw placeholder in «" + around(text, text.contains("{") ? text.indexOf('{') : text.indexOf('}')) + "»");
    }
    if (text.contains("??")) {
      found.add(at + "missing key «" + around(text, text.indexOf("??")) + "»");
    }
    if (!language.equals("en")) {
      Properties translated = bundles.get(language.replace('-', '_').replace("_FR", "").replace("_DK", "").replace("_BG", ""));
      for (String key : english.stringPropertyNames()) {
        if (english.getProperty(key).equals(translated.getProperty(key))) {
          continue; // the same in both (a brand, a format): not a leak
        }
        for (String sentence : english.getProperty(key).replace("''", "'").split("\\{[^}]*}")) {
          if (sentence.strip().split("\\s+").length >= 4 && text.contains(sentence.strip())) {
            found.add(at + "English «" + sentence.strip() + "» (" + key + ")");
          }
        }
      }
    }
    return found;
  }

  private static String around(String text, int index) {
    return text.substring(Math.max(0, index - 60), Math.min(text.length(), index + 60));
  }

  /** The page's visible text: tags and scripts removed, entities decoded, spaces collapsed. */
  static String text(String html) {
    String body = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<head>.*?</head>", " ");
    return HtmlUtils.htmlUnescape(body.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
  }

  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = RefusalsEverywhereIT.class.getResourceAsStream("/" + name + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
