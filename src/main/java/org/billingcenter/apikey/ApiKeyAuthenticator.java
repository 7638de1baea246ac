package org.billingcenter.apikey;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.billingcenter.account.AdminAccount;
import org.billingcenter.account.SignedInAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns a presented key into a principal without a database read on most requests: looked-up keys
 * (and unknown prefixes) are kept per node for {@code cache-ttl}; the secret is compared by SHA-256
 * in constant time. Last uses are collected in memory and written in one batch every
 * {@code last-use-flush} and at shutdown.
 */
@Component
class ApiKeyAuthenticator implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticator.class);
  /** Beyond this many cached prefixes the cache starts afresh: a flood of made-up prefixes cannot grow it. */
  private static final int MAX_CACHED = 50_000;
  /** Compared against when the prefix is unknown, so that answer takes as long as a wrong secret. */
  private static final byte[] NO_HASH = ApiKeyFormat.sha256("no such key");

  private record Cached(Optional<ApiKeyRepository.Stored> stored, long loadedAt) {}

  private final ApiKeyRepository keys;
  private final ApiKeySettings settings;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastUse = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService flusher;

  ApiKeyAuthenticator(ApiKeyRepository keys, ApiKeySettings settings, Clock clock) {
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
  }

  /** The key's principal: its prefix as username, its owner's tenant, its one role; empty when refused. */
  Optional<SignedInAccount> authenticate(ApiKeyFormat.Presented presented) {
    Optional<ApiKeyRepository.Stored> stored = lookUp(presented.prefix());
    boolean matches = ApiKeyFormat.matches(presented.secret(), stored.map(ApiKeyRepository.Stored::secretHash).orElse(NO_HASH));
    Instant now = clock.instant();
    if (stored.isEmpty() || !matches || !stored.get().key().usable(now)) {
      return Optional.empty();
    }
    ApiKey key = stored.get().key();
    lastUse.merge(key.prefix(), now, (a, b) -> a.isAfter(b) ? a : b);
    return Optional.of(SignedInAccount.withoutPassword(
        new AdminAccount(key.prefix(), key.tenant(), key.name(), Set.of(key.role()), null)));
  }

  /** Forgets the key on this node now and again once the revoking transaction commits. */
  void forget(String prefix) {
    cache.remove(prefix);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          cache.remove(prefix);
        }
      });
    }
  }

  private Optional<ApiKeyRepository.Stored> lookUp(String prefix) {
    long now = System.nanoTime();
    Cached cached = cache.get(prefix);
    if (cached != null && now - cached.loadedAt() < settings.cacheTtl().toNanos()) {
      return cached.stored();
    }
    Optional<ApiKeyRepository.Stored> stored = keys.byPrefix(prefix);
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(prefix, new Cached(stored, now));
    return stored;
  }

  /** Writes the last uses collected since the previous flush; on failure they are kept for the next. */
  void flush() {
    Map<String, Instant> batch = new HashMap<>();
    for (String prefix : lastUse.keySet()) {
      Instant at = lastUse.remove(prefix);
      if (at != null) {
        batch.put(prefix, at);
      }
    }
    try {
      keys.recordLastUse(batch);
    } catch (RuntimeException e) {
      LOG.warn("Could not record the last use of {} API keys, will retry: {}", batch.size(), e.toString());
      batch.forEach((prefix, at) -> lastUse.merge(prefix, at, (a, b) -> a.isAfter(b) ? a : b));
    }
  }

  @Override
  public void start() {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "api-key-last-use");
      thread.setDaemon(true);
      return thread;
    });
    long every = Math.max(100, settings.lastUseFlush().toMillis());
    executor.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
    flusher = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = flusher;
    flusher = null;
    if (executor != null) {
      executor.shutdownNow();
      flush();
    }
  }

  @Override
  public boolean isRunning() {
    return flusher != null;
  }
}
