package org.billingcenter.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which requests the support queue shows, as the console's filter form and the API's query send it:
 * one set of constraints for both. A null status means NEW (the work waiting); language, waiting
 * time and the organisation's name narrow it further.
 */
public record QueueFilter(
    @Nullable CallbackStatus status,
    @Nullable @Size(max = 10) String language,
    @Nullable @Min(0) @Max(MAX_WAITING_MINUTES) Integer minWaitingMinutes,
    @Nullable @Size(max = 200) String query) {

  /** A year: longer waits are not a filter anyone needs, and the bound keeps the arithmetic small. */
  public static final int MAX_WAITING_MINUTES = 525_600;

  public static final QueueFilter NEW = new QueueFilter(CallbackStatus.NEW, null, null, null);

  public CallbackStatus statusOrNew() {
    return status == null ? CallbackStatus.NEW : status;
  }

  public @Nullable String languageOrNull() {
    return language == null || language.isBlank() ? null : language.strip();
  }

  /** The organisation-name search as a lower-case LIKE pattern, its own {@code ! % _} escaped with {@code !}. */
  public @Nullable String likePattern() {
    if (query == null || query.isBlank()) {
      return null;
    }
    String escaped = query.strip().toLowerCase(Locale.ROOT)
        .replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + escaped + "%";
  }
}
