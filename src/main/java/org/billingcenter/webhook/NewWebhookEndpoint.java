package org.billingcenter.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What registering an endpoint takes, from the API and the page alike. */
public record NewWebhookEndpoint(
    @Schema(description = "Where events are POSTed: https (http only where private targets are allowed), "
        + "a public address, no user:password@.", example = "https://hooks.example.com/billing")
    @NotBlank @Size(max = SsrfGuard.MAX_URL_LENGTH) String url,
    @Schema(description = "Wire names from docs/EVENTS.md.", example = "[\"subscription.cancelled\"]")
    @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 60) String> eventTypes,
    @Size(max = 500) String description) {}
