package org.billingcenter.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and its one security scheme: HTTP Basic with the sign-in accounts. */
@Configuration
class OpenApiConfig {

  @Bean
  OpenAPI billingCenterOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Billing Center API")
                .version("v1")
                .description(
                    "Subscriptions, licenses, cancellation, credits and callback requests. The"
                        + " organisation comes from the credentials. Errors are RFC 9457"
                        + " problem+json with a stable code; POST and DELETE accept Idempotency-Key."))
        .components(
            new Components()
                .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
