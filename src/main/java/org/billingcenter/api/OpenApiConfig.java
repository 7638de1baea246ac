package org.billingcenter.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.billingcenter.account.CurrentTenant;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: title, the security schemes (API keys as Bearer; HTTP Basic with the sign-in accounts), the
 * shared {@code Problem} schema. {@link ProblemResponses} lists every operation's errors,
 * {@link RecordSchemaRules} carries nullability and validation constraints into the schemas and
 * {@link AnswerSchemas} marks the always-present properties of answers required.
 */
@Configuration
class OpenApiConfig {

  static {
    // The tenant comes from the credentials (CurrentTenantResolver), never from the request.
    SpringDocUtils.getConfig().addAnnotationsToIgnore(CurrentTenant.class);
  }

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
                .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                // Issue 15: API keys. Programs send Authorization: Bearer bc_live_...; Basic is for people trying.
                .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("bc_live_<prefix>_<secret>")
                    .description("An API key (Settings > API keys, or POST /api/v1/api-keys).")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  @Bean
  ProblemResponses problemResponses() {
    return new ProblemResponses();
  }

  @Bean
  AnswerSchemas answerSchemas() {
    return new AnswerSchemas();
  }

  @Bean
  RecordSchemaRules recordSchemaRules() {
    return new RecordSchemaRules();
  }
}
