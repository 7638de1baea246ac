package org.billingcenter.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the operator suspends or resumes: required on the page, kept in the organisation's audit trail. */
record ReasonForm(@NotBlank @Size(max = 500) String reason) {}
