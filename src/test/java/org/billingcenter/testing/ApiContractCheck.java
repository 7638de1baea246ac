package org.billingcenter.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every {@code /api/**} exchange any integration test makes through the shared MockMvc is checked
 * against the running application's own {@code /v3/api-docs} ({@link ApiContract}). A violation
 * fails the exchange where the test made it (an {@link AssertionError} out of {@code perform}) and
 * is kept, so {@link DatabaseIT} also fails a test whose exchange ran on a thread that swallowed it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ApiContractCheck {

  /**
   * {@code -Dbilling.test.contract.fail-fast=false}: keep going and list every violation at the
   * test's end (to see all of a fuzz run's at once) instead of failing the first exchange.
   */
  private static final boolean FAIL_FAST =
      Boolean.parseBoolean(System.getProperty("billing.test.contract.fail-fast", "true"));

  private final WebApplicationContext context;
  private final List<String> violations = new ArrayList<>();
  private volatile ApiContract contract;
  private volatile String document;

  ApiContractCheck(WebApplicationContext context) {
    this.context = context;
  }

  @Bean
  MockMvcBuilderCustomizer apiContractOnEveryExchange() {
    return builder -> builder.alwaysDo(this::verify);
  }

  private void verify(MvcResult result) {
    if (!ApiContract.applies(result)) {
      return;
    }
    List<String> found = contract().violations(result);
    if (!found.isEmpty()) {
      synchronized (violations) {
        violations.addAll(found);
      }
      if (FAIL_FAST) {
        throw new AssertionError("The exchange disagrees with /v3/api-docs:\n  " + String.join("\n  ", found));
      }
    }
  }

  /** The violations seen since the last call, forgotten. */
  public List<String> drain() {
    synchronized (violations) {
      List<String> seen = List.copyOf(violations);
      violations.clear();
      return seen;
    }
  }

  /** The document as the application serves it (fetched once, outside the security filters). */
  public String document() {
    if (document == null) {
      synchronized (this) {
        if (document == null) {
          try {
            document = MockMvcBuilders.webAppContextSetup(context).build()
                .perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
          } catch (Exception e) {
            throw new IllegalStateException("Could not read /v3/api-docs", e);
          }
        }
      }
    }
    return document;
  }

  private ApiContract contract() {
    if (contract == null) {
      synchronized (this) {
        if (contract == null) {
          contract = ApiContract.of(document());
        }
      }
    }
    return contract;
  }

  /** For the test of the check itself: judge exchanges by {@code drifted} until {@link #restore}. */
  public void judgeBy(String drifted) {
    contract = ApiContract.of(drifted);
  }

  public void restore() {
    contract = ApiContract.of(document());
  }
}
