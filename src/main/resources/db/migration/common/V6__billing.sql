-- Invoices, their lines, credits and refunds. Amounts are minor units + currency, never decimals.
create table invoice (
    tenant_id     uuid        not null references tenant (tenant_id),
    invoice_id    uuid        not null,
    invoice_date  date        not null,
    currency      char(3)     not null,
    total_minor   bigint      not null,
    kind          varchar(12) not null check (kind in ('INVOICE', 'CREDIT_NOTE')),
    created_at    timestamp with time zone not null,
    primary key (tenant_id, invoice_id),
    constraint invoice_one_per_date unique (tenant_id, invoice_date, kind)
);

create table credit (
    tenant_id          uuid        not null,
    credit_id          uuid        not null,
    subscription_id    uuid        not null,
    amount_minor       bigint      not null check (amount_minor >= 0),
    currency           char(3)     not null,
    status             varchar(10) not null check (status in ('PENDING', 'APPLIED', 'REFUNDED')),
    return_on          date        not null,
    applied_invoice_id uuid,
    created_at         timestamp with time zone not null,
    primary key (tenant_id, credit_id),
    foreign key (tenant_id, subscription_id) references subscription (tenant_id, subscription_id),
    foreign key (tenant_id, applied_invoice_id) references invoice (tenant_id, invoice_id)
);
create index credit_tenant_status on credit (tenant_id, status, return_on);

-- charge_period_start is set on CHARGE lines only; the unique key makes each subscription-period
-- chargeable exactly once (NULLs do not collide, on PostgreSQL or H2).
create table invoice_line (
    tenant_id            uuid        not null,
    invoice_id           uuid        not null,
    line_no              integer     not null,
    kind                 varchar(12) not null check (kind in ('CHARGE', 'CREDIT', 'REFUND', 'ADJUSTMENT')),
    subscription_id      uuid,
    period_start         date,
    period_end           date,
    quantity             integer,
    unit_price_minor     bigint,
    amount_minor         bigint      not null,
    currency             char(3)     not null,
    credit_id            uuid,
    charge_period_start  date,
    primary key (tenant_id, invoice_id, line_no),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, invoice_id),
    foreign key (tenant_id, subscription_id) references subscription (tenant_id, subscription_id),
    constraint invoice_line_charge_once unique (tenant_id, subscription_id, charge_period_start)
);

create table refund (
    tenant_id          uuid        not null,
    refund_id          uuid        not null,
    invoice_id         uuid        not null,
    payment_method_id  uuid,
    amount_minor       bigint      not null check (amount_minor > 0),
    currency           char(3)     not null,
    status             varchar(20) not null check (status in ('PENDING_SETTLEMENT', 'SETTLED', 'FAILED')),
    created_at         timestamp with time zone not null,
    primary key (tenant_id, refund_id),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, invoice_id),
    foreign key (tenant_id, payment_method_id) references payment_method (tenant_id, payment_method_id)
);
