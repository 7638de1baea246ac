-- Single sign-on: each organisation's own OpenID Connect provider (at most one), the claim values
-- that grant its roles, and the e-mail domains that lead its people to it from the sign-in page.
create table sso_provider (
    tenant_id      uuid         not null primary key references tenant (tenant_id),
    issuer         varchar(500) not null,
    client_id      varchar(200) not null,
    client_secret  varchar(500) not null,
    default_role   varchar(30)  check (default_role in ('GLOBAL_ADMIN', 'BILLING_ADMIN', 'USER_ADMIN', 'READER')),
    mandatory      boolean      not null,
    enabled        boolean      not null,
    revision       integer      not null,
    updated_at     timestamp with time zone not null,
    updated_by     varchar(100) not null
);

create table sso_role_mapping (
    tenant_id    uuid         not null references sso_provider (tenant_id),
    mapping_no   integer      not null,
    claim        varchar(100) not null,
    claim_value  varchar(200) not null,
    role         varchar(30)  not null check (role in ('GLOBAL_ADMIN', 'BILLING_ADMIN', 'USER_ADMIN', 'READER')),
    primary key (tenant_id, mapping_no)
);

create table sso_email_domain (
    tenant_id  uuid         not null references sso_provider (tenant_id),
    domain     varchar(253) not null,
    primary key (tenant_id, domain)
);
-- A domain leads to one organisation only.
create unique index sso_email_domain_once on sso_email_domain (domain);
