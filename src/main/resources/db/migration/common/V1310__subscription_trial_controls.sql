-- Issue 13, trials the customer controls. conversion_quantity: the licenses an admin chose for the
-- conversion (null: those assigned at the trial's end); trial_extended_at: when the one extension
-- was taken (null: not yet).
alter table subscription add column conversion_quantity integer;
alter table subscription add constraint subscription_conversion_quantity_positive
    check (conversion_quantity is null or conversion_quantity > 0);
alter table subscription add column trial_extended_at timestamp with time zone;

-- One reminder event per trial, trial end and days before it: an extension (a new end) re-arms them.
create table trial_reminder (
    tenant_id       uuid    not null,
    subscription_id uuid    not null,
    trial_end       date    not null,
    days_before     integer not null,
    recorded_at     timestamp with time zone not null,
    primary key (tenant_id, subscription_id, trial_end, days_before),
    foreign key (tenant_id, subscription_id) references subscription (tenant_id, subscription_id)
);
