-- The operator's catalog: global reference data, not owned by any tenant.
create table product (
    product_id  varchar(60)  not null primary key,
    name        varchar(200) not null
);

create table plan (
    plan_id            varchar(60) not null primary key,
    product_id         varchar(60) not null references product (product_id),
    unit_price_minor   bigint      not null check (unit_price_minor >= 0),
    currency           char(3)     not null,
    billing_frequency  varchar(10) not null check (billing_frequency in ('MONTHLY', 'ANNUAL')),
    commitment_term    varchar(10) not null check (commitment_term in ('MONTHLY', 'ANNUAL')),
    trial_days         integer     not null check (trial_days >= 0),
    trial_licenses     integer     not null check (trial_licenses >= 0)
);
