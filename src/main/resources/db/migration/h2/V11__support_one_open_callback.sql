-- At most one open request per subscription. H2 has no partial index: a generated column that is
-- NULL for closed requests, under a unique constraint (NULLs never collide).
alter table callback_request add column open_subscription_id uuid
    generated always as (case when status in ('NEW', 'CLAIMED') then subscription_id end);
alter table callback_request add constraint callback_request_one_open
    unique (tenant_id, open_subscription_id);
