-- A reactivation starts a new series of periods from a new anchor, which may be the very day a
-- cancelled period started: a subscription-period is identified by the activation it belongs to
-- (1 for the first, +1 per reactivation) and its start. Exactly-once keys follow: one charge line
-- and at most one credit per activation and period start. Rows so far all belong to activation 1.
alter table subscription add column activation integer default 1 not null;

-- Only CHARGE lines have a charge_period_start, so the value on other lines never matters.
alter table invoice_line add column charge_activation integer default 1;
alter table invoice_line drop constraint invoice_line_charge_once;
alter table invoice_line add constraint invoice_line_charge_once
    unique (tenant_id, subscription_id, charge_activation, charge_period_start);

alter table credit add column activation integer default 1 not null;
alter table credit drop constraint credit_once_per_period;
alter table credit add constraint credit_once_per_period unique (tenant_id, subscription_id, activation, period_start);

-- Reactivation used to keep the old anchor, and a reactivated trial had none (its first renewal
-- then stopped the billing run). Such a subscription has not renewed since, so its current period
-- is the one reactivation started: its start is the anchor.
update subscription set anchor_date = current_period_start
 where anchor_date is null and current_period_start is not null;
