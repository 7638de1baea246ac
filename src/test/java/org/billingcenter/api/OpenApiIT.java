package org.billingcenter.api;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.billingcenter.testing.DatabaseIT;
import org.junit.jupiter.api.Test;

class OpenApiIT extends DatabaseIT {

  @Test
  void the_api_is_documented_with_its_security_scheme() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.info.title").value("Billing Center API"))
        .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/subscriptions/{id}/cancellation")))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/callback-requests")))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/credits")))
        .andExpect(jsonPath("$.paths['/api/v1/subscriptions/{id}/cancellation'].post").exists());
  }
}
