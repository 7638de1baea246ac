-- Issue 14, webhooks. An endpoint belongs to an organisation (its events only) or, with tenant_id
-- null, to the operator (every organisation's events): that is why tenant_id cannot lead the
-- primary key here; lookups still go by (tenant_id, endpoint_id). Secrets are kept as they are,
-- because signing needs them (HMAC): they cannot be hashed like passwords or API keys.
create table webhook_endpoint (
    endpoint_id                 uuid          not null primary key,
    tenant_id                   uuid          references tenant (tenant_id),
    url                         varchar(2000) not null,
    description                 varchar(500),
    event_types                 varchar(2000) not null,
    status                      varchar(10)   not null check (status in ('ENABLED', 'DISABLED')),
    disabled_reason             varchar(200),
    disabled_at                 timestamp with time zone,
    failing_since               timestamp with time zone,
    secret                      varchar(100)  not null,
    previous_secret             varchar(100),
    previous_secret_expires_at  timestamp with time zone,
    created_by                  varchar(100)  not null,
    created_at                  timestamp with time zone not null
);
create index webhook_endpoint_tenant on webhook_endpoint (tenant_id, status);
