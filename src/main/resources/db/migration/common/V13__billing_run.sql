-- Billing runs: collections through the payment gateway, and the indexes the runs scan by.
create table payment (
    tenant_id          uuid        not null,
    payment_id         uuid        not null,
    invoice_id         uuid        not null,
    payment_method_id  uuid,
    amount_minor       bigint      not null check (amount_minor > 0),
    currency           char(3)     not null,
    status             varchar(20) not null check (status in ('PENDING_SETTLEMENT', 'SETTLED', 'FAILED')),
    created_at         timestamp with time zone not null,
    primary key (tenant_id, payment_id),
    constraint payment_once_per_invoice unique (tenant_id, invoice_id),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, invoice_id)
);

alter table refund add column credit_id uuid;
alter table refund add constraint refund_once_per_credit unique (tenant_id, credit_id);

create index subscription_renewal on subscription (status, current_period_end);
create index subscription_trial_end on subscription (status, trial_end);
create index subscription_status_changed on subscription (status, status_changed_at);
create index credit_due on credit (status, return_on);
