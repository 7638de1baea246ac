-- Issue 16 (billing): at most one open (not finalised) invoice per tenant, date and kind. H2 has no
-- partial index: a generated column that is NULL once finalised, under a unique constraint.
alter table invoice add column open_invoice_date date
    generated always as (case when finalized_at is null then invoice_date end);
alter table invoice add constraint invoice_one_open_per_date unique (tenant_id, open_invoice_date, kind);
