package org.billingcenter.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.billingcenter.shared.Page;
import org.billingcenter.shared.PageRequest;
import org.billingcenter.shared.TenantId;
import org.billingcenter.shared.Utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Endpoints and their secrets. Every statement names the owner: {@code tenant_id = :tenant} for an
 * organisation's, {@code tenant_id is null} for the operator's; the channel, which serves an event
 * of one tenant, looks at that tenant's and the operator's only.
 */
@Repository
class WebhookEndpointRepository {

  private static final String COLUMNS =
      """
      endpoint_id, tenant_id, url, description, event_types, status, disabled_reason, disabled_at,
      failing_since, created_by, created_at, previous_secret_expires_at
      """;

  /** What signing needs: the current secret and, during a rotation's overlap, the previous one. */
  record Keys(WebhookEndpoint endpoint, String secret, String previousSecret) {}

  private final JdbcClient jdbc;

  WebhookEndpointRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(WebhookEndpoint e, String secret) {
    jdbc.sql(
            """
            insert into webhook_endpoint (endpoint_id, tenant_id, url, description, event_types, status,
                                          secret, created_by, created_at)
            values (:id, :tenant, :url, :description, :types, 'ENABLED', :secret, :by, :at)
            """)
        .param("id", e.id())
        .param("tenant", e.tenant() == null ? null : e.tenant().value())
        .param("url", e.url())
        .param("description", e.description())
        .param("types", String.join(",", e.eventTypes()))
        .param("secret", secret)
        .param("by", e.createdBy())
        .param("at", Utc.of(e.createdAt()))
        .update();
  }

  Optional<WebhookEndpoint> find(Owner owner, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where " + owned(owner) + " and endpoint_id = :id")
        .params(ownerParam(owner))
        .param("id", id)
        .query((rs, i) -> row(rs))
        .optional();
  }

  Page<WebhookEndpoint> list(Owner owner, PageRequest page) {
    List<WebhookEndpoint> items = jdbc.sql("select " + COLUMNS + " from webhook_endpoint where " + owned(owner)
            + " order by created_at, endpoint_id limit :limit offset :offset")
        .params(ownerParam(owner))
        .param("limit", page.size())
        .param("offset", page.offset())
        .query((rs, i) -> row(rs))
        .list();
    long total = jdbc.sql("select count(*) from webhook_endpoint where " + owned(owner))
        .params(ownerParam(owner))
        .query(Long.class)
        .single();
    return new Page<>(items, page, total);
  }

  /** An endpoint that may receive an event of {@code tenant}: the tenant's own or the operator's. */
  Optional<Keys> keys(TenantId tenant, UUID id) {
    return jdbc.sql("select " + COLUMNS + ", secret, previous_secret from webhook_endpoint"
            + " where (tenant_id = :tenant or tenant_id is null) and endpoint_id = :id")
        .param("tenant", tenant.value())
        .param("id", id)
        .query((rs, i) -> new Keys(row(rs), rs.getString("secret"), rs.getString("previous_secret")))
        .optional();
  }

  /** The owner's endpoint with its secrets (for a test send). */
  Optional<Keys> keys(Owner owner, UUID id) {
    return jdbc.sql("select " + COLUMNS + ", secret, previous_secret from webhook_endpoint where " + owned(owner)
            + " and endpoint_id = :id")
        .params(ownerParam(owner))
        .param("id", id)
        .query((rs, i) -> new Keys(row(rs), rs.getString("secret"), rs.getString("previous_secret")))
        .optional();
  }

  /** Enabled endpoints that may receive events of these tenants: theirs and the operator's. */
  List<WebhookEndpoint> enabledFor(Collection<TenantId> tenants) {
    return jdbc.sql("select " + COLUMNS + " from webhook_endpoint"
            + " where (tenant_id in (:tenants) or tenant_id is null) and status = 'ENABLED'")
        .param("tenants", tenants.stream().map(TenantId::value).toList())
        .query((rs, i) -> row(rs))
        .list();
  }

  boolean delete(Owner owner, UUID id) {
    return jdbc.sql("delete from webhook_endpoint where " + owned(owner) + " and endpoint_id = :id")
        .params(ownerParam(owner))
        .param("id", id)
        .update() == 1;
  }

  boolean rotate(Owner owner, UUID id, String secret, Instant previousExpires) {
    return jdbc.sql("update webhook_endpoint set previous_secret = secret, secret = :secret,"
            + " previous_secret_expires_at = :expires where " + owned(owner) + " and endpoint_id = :id")
        .params(ownerParam(owner))
        .param("id", id)
        .param("secret", secret)
        .param("expires", Utc.of(previousExpires))
        .update() == 1;
  }

  boolean enable(Owner owner, UUID id) {
    return jdbc.sql("update webhook_endpoint set status = 'ENABLED', disabled_reason = null, disabled_at = null,"
            + " failing_since = null where " + owned(owner) + " and endpoint_id = :id")
        .params(ownerParam(owner))
        .param("id", id)
        .update() == 1;
  }

  /** Starts the failing period unless one is running. */
  void failing(WebhookEndpoint e, Instant now) {
    jdbc.sql("update webhook_endpoint set failing_since = :now where " + owned(Owner.of(e.tenant()))
            + " and endpoint_id = :id and failing_since is null")
        .params(ownerParam(Owner.of(e.tenant())))
        .param("id", e.id())
        .param("now", Utc.of(now))
        .update();
  }

  void succeeded(WebhookEndpoint e) {
    jdbc.sql("update webhook_endpoint set failing_since = null where " + owned(Owner.of(e.tenant()))
            + " and endpoint_id = :id and failing_since is not null")
        .params(ownerParam(Owner.of(e.tenant())))
        .param("id", e.id())
        .update();
  }

  /** True when this call turned it off (another node may have done it first). */
  boolean disable(WebhookEndpoint e, String reason, Instant now) {
    return jdbc.sql("update webhook_endpoint set status = 'DISABLED', disabled_reason = :reason, disabled_at = :now"
            + " where " + owned(Owner.of(e.tenant())) + " and endpoint_id = :id and status = 'ENABLED'")
        .params(ownerParam(Owner.of(e.tenant())))
        .param("id", e.id())
        .param("reason", reason)
        .param("now", Utc.of(now))
        .update() == 1;
  }

  private static String owned(Owner owner) {
    return owner.isOperator() ? "tenant_id is null" : "tenant_id = :tenant";
  }

  private static Map<String, Object> ownerParam(Owner owner) {
    return owner.isOperator() ? Map.of() : Map.of("tenant", owner.tenant().value());
  }

  private static WebhookEndpoint row(ResultSet rs) throws SQLException {
    UUID tenant = rs.getObject("tenant_id", UUID.class);
    return new WebhookEndpoint(rs.getObject("endpoint_id", UUID.class), tenant == null ? null : new TenantId(tenant),
        rs.getString("url"), rs.getString("description"), Arrays.asList(rs.getString("event_types").split(",")),
        WebhookEndpoint.Status.valueOf(rs.getString("status")), rs.getString("disabled_reason"),
        Utc.read(rs, "disabled_at"), Utc.read(rs, "failing_since"), rs.getString("created_by"),
        Utc.read(rs, "created_at"), Utc.read(rs, "previous_secret_expires_at"));
  }
}
