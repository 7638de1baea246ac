-- Organisations, the people in them, and how they pay. Every tenant-owned key starts with tenant_id
-- so the schema can be distributed by tenant later without redesign.
create table tenant (
    tenant_id   uuid         not null primary key,
    name        varchar(200) not null,
    country     char(2)      not null,
    locale      varchar(20)  not null,
    time_zone   varchar(64)  not null,
    currency    char(3)      not null,
    created_at  timestamp with time zone not null
);

create table member (
    tenant_id     uuid         not null references tenant (tenant_id),
    member_id     uuid         not null,
    display_name  varchar(200) not null,
    email         varchar(320) not null,
    created_at    timestamp with time zone not null,
    primary key (tenant_id, member_id),
    constraint member_email_unique unique (tenant_id, email)
);

create table payment_method (
    tenant_id          uuid        not null references tenant (tenant_id),
    payment_method_id  uuid        not null,
    token              varchar(200) not null,
    brand              varchar(40) not null,
    last4              char(4)     not null,
    expiry_month       smallint    not null check (expiry_month between 1 and 12),
    expiry_year        smallint    not null,
    created_at         timestamp with time zone not null,
    primary key (tenant_id, payment_method_id)
);
