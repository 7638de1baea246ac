-- Issue 15, API keys. A key belongs to an organisation or, with tenant_id null, to the operator side
-- (as webhook endpoints do), so tenant_id cannot lead the primary key; lists go by
-- (tenant_id, created_at), sign-ins by the unique public prefix. Only SHA-256 of the 256-bit random
-- secret is kept (hex): fast to check, and useless to whoever reads the table.
create table api_key (
    key_id        uuid          not null primary key,
    tenant_id     uuid          references tenant (tenant_id),
    prefix        varchar(20)   not null,
    name          varchar(100)  not null,
    role          varchar(20)   not null check (role in ('GLOBAL_ADMIN', 'BILLING_ADMIN', 'USER_ADMIN', 'READER',
                                                         'SUPPORT_ENGINEER', 'OPERATOR')),
    secret_hash   varchar(64)   not null,
    created_by    varchar(100)  not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone,
    revoked_at    timestamp with time zone,
    revoked_by    varchar(100),
    last_used_at  timestamp with time zone
);
create unique index api_key_prefix on api_key (prefix);
create index api_key_tenant on api_key (tenant_id, created_at, key_id);
