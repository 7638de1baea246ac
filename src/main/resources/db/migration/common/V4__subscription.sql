-- Periods are tenant-local dates, half-open: [current_period_start, current_period_end).
create table subscription (
    tenant_id             uuid        not null references tenant (tenant_id),
    subscription_id       uuid        not null,
    plan_id               varchar(60) not null references plan (plan_id),
    quantity              integer     not null check (quantity > 0),
    status                varchar(10) not null check (status in
        ('TRIAL', 'ACTIVE', 'EXPIRED', 'DISABLED', 'DELETED')),
    auto_renew            boolean     not null,
    anchor_date           date,
    current_period_start  date,
    current_period_end    date,
    trial_end             date,
    payment_method_id     uuid,
    created_at            timestamp with time zone not null,
    status_changed_at     timestamp with time zone not null,
    cancelled_at          timestamp with time zone,
    primary key (tenant_id, subscription_id),
    foreign key (tenant_id, payment_method_id) references payment_method (tenant_id, payment_method_id),
    check (current_period_end is null or current_period_end > current_period_start)
);
create index subscription_tenant_status on subscription (tenant_id, status);
