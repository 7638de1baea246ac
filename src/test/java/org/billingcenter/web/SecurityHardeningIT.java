package org.billingcenter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.billingcenter.testing.DatabaseIT;
import org.junit.jupiter.api.Test;

/**
 * Every response carries the security headers; no inline code. (Password guessing: see
 * {@link SignInThrottlingIT}.)
 */
class SecurityHardeningIT extends DatabaseIT {

  @Test
  void pages_and_the_api_carry_security_headers_and_a_csp_without_unsafe_inline() throws Exception {
    for (String path : List.of("/login", "/assets/css/app.css")) {
      mvc.perform(get(path))
          .andExpect(header().string("Content-Security-Policy", allOf(containsString("script-src 'self'"), not(containsString("unsafe-inline")))))
          .andExpect(header().string("X-Content-Type-Options", "nosniff"))
          .andExpect(header().string("X-Frame-Options", "DENY"))
          .andExpect(header().string("Referrer-Policy", "same-origin"))
          .andExpect(header().exists("Permissions-Policy"));
    }
    // The files the layout links are served (a missing stylesheet leaves every page unstyled).
    mvc.perform(get("/assets/css/app.css")).andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/css"));
    mvc.perform(get("/assets/js/app.js")).andExpect(status().isOk());
    mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
    mvc.perform(get("/api/v1/plans"))
        .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"));
  }

  @Test
  void templates_hold_no_inline_script_style_or_event_handler() throws IOException {
    Pattern inline = Pattern.compile("<script(?![^>]*\\bth:src=)[^>]*>|\\sstyle=|\\son[a-z]+=|<style");
    try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
      // Mails (templates/mail) are not pages: mail clients drop <style> blocks and ignore CSP, so
      // their HTML carries its styles inline. Documents (templates/document) are not pages either:
      // they are printed to PDF on the server, where no browser, script or CSP exists.
      List<String> found = templates.filter(p -> p.toString().endsWith(".html"))
          .filter(p -> !p.startsWith(Path.of("src/main/resources/templates/mail")))
          .filter(p -> !p.startsWith(Path.of("src/main/resources/templates/document")))
          .filter(p -> {
            try {
              return inline.matcher(Files.readString(p)).find();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          })
          .map(Path::toString).toList();
      assertThat(found).isEmpty();
    }
  }
}
