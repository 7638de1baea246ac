package org.billingcenter.billingprofile;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A profile with who last saved it and when; both null for one never saved (made of the organisation's data). */
public record SavedBillingProfile(BillingProfile profile, @Nullable Instant updatedAt, @Nullable String updatedBy) {}
