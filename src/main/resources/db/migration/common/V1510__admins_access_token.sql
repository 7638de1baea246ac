-- Issue 15: single-use links sent by e-mail (an invitation to become an admin, a password reset).
-- Only the SHA-256 of the 256-bit random token is kept, never the token. A link is used once: the
-- using transaction sets used_at where it is still null. An invitation carries what the account
-- will be (address, name, roles, language); a reset names the account it is for.
create table access_token (
    tenant_id     uuid          not null references tenant (tenant_id),
    token_id      uuid          not null,
    purpose       varchar(20)   not null check (purpose in ('INVITATION', 'PASSWORD_RESET')),
    token_hash    char(64)      not null,
    email         varchar(254)  not null check (email = lower(email)),
    display_name  varchar(200),
    roles         varchar(200),
    locale        varchar(20),
    username      varchar(100),
    created_by    varchar(100)  not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    used_at       timestamp with time zone,
    withdrawn_at  timestamp with time zone,
    primary key (tenant_id, token_id)
);
create unique index access_token_hash on access_token (token_hash);
create index access_token_pending on access_token (tenant_id, purpose, email);
