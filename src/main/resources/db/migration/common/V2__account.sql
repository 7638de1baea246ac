-- Sign-in accounts. The username is one global namespace (it is what people type at sign-in);
-- operator-side accounts (support engineers, operators) belong to no tenant.
create table admin_account (
    username       varchar(100) not null primary key,
    tenant_id      uuid         references tenant (tenant_id),
    display_name   varchar(200) not null,
    password_hash  varchar(200) not null,
    locale         varchar(20),
    enabled        boolean      not null default true,
    created_at     timestamp with time zone not null
);
create index admin_account_tenant on admin_account (tenant_id, username);

create table admin_account_role (
    username  varchar(100) not null references admin_account (username),
    role      varchar(30)  not null check (role in
        ('GLOBAL_ADMIN', 'BILLING_ADMIN', 'USER_ADMIN', 'READER', 'SUPPORT_ENGINEER', 'OPERATOR')),
    primary key (username, role)
);
