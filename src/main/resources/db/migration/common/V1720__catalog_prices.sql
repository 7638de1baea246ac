-- Effective-dated list prices. A row changes a plan's unit price for purchases from effective_from,
-- and for subscriptions bought before it from their first renewal on or after existing_from (the
-- effective date or the end of the notice period, whichever is later), fixed when announced so a
-- later change of the notice setting never moves an announced change. plan.unit_price_minor stays
-- the price before the first row.
create table plan_price (
    plan_id           varchar(60) not null references plan (plan_id),
    effective_from    date        not null,
    unit_price_minor  bigint      not null check (unit_price_minor >= 0),
    existing_from     date        not null,
    announced_at      timestamp with time zone not null,
    announced_by      varchar(100) not null,
    primary key (plan_id, effective_from),
    check (existing_from >= effective_from)
);

-- A retired plan sells no more; its subscriptions keep renewing.
alter table plan add column retired_at timestamp with time zone;

-- The operator's catalog changes have no organisation, so they are audited here, not in audit_event.
create table catalog_change (
    catalog_change_id  uuid         not null primary key,
    occurred_at        timestamp with time zone not null,
    actor              varchar(100) not null,
    action             varchar(60)  not null,
    plan_id            varchar(60)  not null references plan (plan_id),
    before_state       varchar(400),
    after_state        varchar(400)
);
create index catalog_change_plan on catalog_change (plan_id, occurred_at);
