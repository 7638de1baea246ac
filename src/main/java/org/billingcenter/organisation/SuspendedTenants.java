package org.billingcenter.organisation;

import java.util.Set;
import org.billingcenter.apikey.ApiKeySettings;
import org.billingcenter.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which organisations are suspended, as this node knows it: the whole (short) set is read at most
 * once per {@code billing-center.api-keys.cache-ttl}, so a suspension made on another node refuses
 * sign-ins, sessions and API keys here within the same delay as a revoked key, and a request costs
 * no query in between. A suspension or resumption made here counts at once after it commits.
 */
@Component
public class SuspendedTenants {

  private static final Logger LOG = LoggerFactory.getLogger(SuspendedTenants.class);

  private record Known(Set<TenantId> ids, long loadedAt) {}

  private final OrganisationRepository organisations;
  private final ApiKeySettings settings;
  private volatile Known known;

  SuspendedTenants(OrganisationRepository organisations, ApiKeySettings settings) {
    this.organisations = organisations;
    this.settings = settings;
  }

  public boolean suspended(TenantId tenant) {
    Known current = known;
    long now = System.nanoTime();
    if (current == null || now - current.loadedAt() >= settings.cacheTtl().toNanos()) {
      current = reload(current, now);
    }
    return current.ids().contains(tenant);
  }

  /** A database that cannot answer leaves the last known set in force rather than failing every request. */
  private Known reload(Known previous, long now) {
    try {
      Known fresh = new Known(organisations.suspended(), now);
      known = fresh;
      return fresh;
    } catch (RuntimeException e) {
      if (previous == null) {
        throw e;
      }
      LOG.warn("Could not read the suspended organisations, keeping the last known: {}", e.toString());
      return previous;
    }
  }

  /** Read again on the next request once the caller's transaction is over (or now, without one). */
  void changed() {
    known = null;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          known = null;
        }
      });
    }
  }
}
