package org.billingcenter.session.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.billingcenter.session.WebSession;
import org.jspecify.annotations.Nullable;

/** An active browser session as JSON. */
record SessionView(
    String id,
    String username,
    Instant createdAt,
    @Schema(description = "When a request of it last reached a node; written every 30 s, so up to that much behind.")
    Instant lastSeenAt,
    @Schema(description = "The address its sign-in came from.")
    @Nullable String clientAddress,
    @Schema(description = "Browser and system, read from its User-Agent (e.g. \"Firefox · Windows\").")
    @Nullable String device) {

  static SessionView of(WebSession s) {
    return new SessionView(s.id().toString(), s.username(), s.createdAt(), s.lastSeenAt(), s.clientAddress(),
        s.device());
  }
}
