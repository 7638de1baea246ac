package org.billingcenter.catalog.web;

import jakarta.validation.constraints.NotNull;
import org.billingcenter.catalog.PlanStatus;

/** The confirmation of a retirement or of its undoing: the status the operator confirmed. */
record StatusForm(@NotNull PlanStatus status) {}
