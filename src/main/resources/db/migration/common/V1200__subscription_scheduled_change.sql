-- Quantity and plan changes scheduled for a renewal: PENDING until the billing run of effective_on
-- applies them (APPLIED), or withdrawn by an admin (WITHDRAWN), or voided when the subscription
-- stops renewing (VOIDED). At most one PENDING change of each kind per subscription (the service
-- replaces the older one, under the subscription's lock).
create table scheduled_change (
    tenant_id          uuid         not null,
    change_id          uuid         not null,
    subscription_id    uuid         not null,
    kind               varchar(10)  not null check (kind in ('QUANTITY', 'PLAN')),
    quantity           integer      check (quantity is null or quantity > 0),
    plan_id            varchar(60)  references plan (plan_id),
    effective_on       date         not null,
    status             varchar(10)  not null check (status in ('PENDING', 'APPLIED', 'WITHDRAWN', 'VOIDED')),
    created_by         varchar(100) not null,
    created_at         timestamp with time zone not null,
    status_changed_at  timestamp with time zone not null,
    primary key (tenant_id, change_id),
    foreign key (tenant_id, subscription_id) references subscription (tenant_id, subscription_id),
    check ((kind = 'QUANTITY' and quantity is not null) or (kind = 'PLAN' and plan_id is not null))
);
create index scheduled_change_subscription on scheduled_change (tenant_id, subscription_id, status);
-- The billing run reads the PENDING changes due by its date for a batch of tenants.
create index scheduled_change_due on scheduled_change (tenant_id, status, effective_on);
