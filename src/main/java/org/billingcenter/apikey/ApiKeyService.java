package org.billingcenter.apikey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.billingcenter.audit.AuditLog;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, listing and revoking API keys, for one owner at a time: another owner's key is "not
 * found". Changes to an organisation's keys are audited in its trail; the operator's, which have no
 * organisation, are logged (by prefix, never the secret).
 */
@Service
public class ApiKeyService {

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyService.class);
  private static final String ENTITY = "api_key";
  private static final int MAX_NAME = 100;

  private final ApiKeyRepository keys;
  private final ApiKeyAuthenticator authenticator;
  private final ApiKeySettings settings;
  private final AuditLog audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiKeyService(ApiKeyRepository keys, ApiKeyAuthenticator authenticator, ApiKeySettings settings, AuditLog audit,
      Clock clock) {
    this.keys = keys;
    this.authenticator = authenticator;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A new key for the command's owner (an organisation, or the operator side when its tenant is
   * null). The answer carries the secret: the only time it is ever shown.
   */
  @Transactional
  public CreatedApiKey create(NewApiKey command, String actor) {
    ApiKeyOwner owner = command.owner();
    Instant now = clock.instant();
    String name = checkedName(command.name());
    if (!owner.allows(command.role())) {
      throw new Rejected(ApiKeyReason.API_KEY_ROLE_NOT_ALLOWED, String.valueOf(command.role()));
    }
    Instant expires = command.expiresAt();
    if (expires != null && !expires.isAfter(now)) {
      throw new Rejected(ApiKeyReason.API_KEY_EXPIRY_NOT_IN_FUTURE);
    }
    if (expires != null && expires.isAfter(now.plus(settings.maxLifetime()))) {
      throw new Rejected(ApiKeyReason.API_KEY_EXPIRY_TOO_FAR, settings.maxLifetime().toDays());
    }
    String prefix = ApiKeyFormat.newPrefix(random);
    String secret = ApiKeyFormat.newSecret(random);
    ApiKey key = new ApiKey(UUID.randomUUID(), owner.tenant(), prefix, name, command.role(), actor, now, expires,
        null, null, null);
    keys.insert(key, ApiKeyFormat.sha256(secret));
    changed(owner, actor, AuditLog.Change.of("API_KEY_CREATED", ENTITY, key.id())
        .to(prefix + " " + key.role() + (expires == null ? "" : " until " + expires)));
    return new CreatedApiKey(key.id(), key.tenant(), name, key.role(), prefix, prefix + "_" + secret, now, expires);
  }

  @Transactional(readOnly = true)
  public Page<ApiKey> list(ApiKeyOwner owner, PageRequest page) {
    return keys.list(owner, page);
  }

  @Transactional(readOnly = true)
  public ApiKey get(ApiKeyOwner owner, UUID id) {
    return keys.find(owner, id).orElseThrow(() -> new Rejected(ApiKeyReason.API_KEY_NOT_FOUND));
  }

  /**
   * Revoked at once on this node (its cache forgets the key), on the others within the cache's time
   * to live. Revoking a revoked key changes nothing.
   */
  @Transactional
  public ApiKey revoke(ApiKeyOwner owner, UUID id, String actor) {
    ApiKey key = get(owner, id);
    if (keys.revoke(owner, id, actor, clock.instant())) {
      changed(owner, actor, AuditLog.Change.of("API_KEY_REVOKED", ENTITY, id).from(key.prefix()).to("REVOKED"));
    }
    authenticator.forget(key.prefix());
    return get(owner, id);
  }

  /** Writes the last uses seen on this node now (tests; otherwise every few seconds and at shutdown). */
  public void flushLastUse() {
    authenticator.flush();
  }

  private static String checkedName(String asked) {
    String name = asked == null ? "" : asked.strip();
    if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
      throw new Rejected(ApiKeyReason.API_KEY_NAME_INVALID, MAX_NAME);
    }
    return name;
  }

  private void changed(ApiKeyOwner owner, String actor, AuditLog.Change change) {
    if (owner.isOperator()) {
      LOG.info("Operator API key change by {}: {} {} {}", actor, change.action(), change.entityId(), change.after());
    } else {
      audit.record(owner.tenant(), actor, change);
    }
  }
}
