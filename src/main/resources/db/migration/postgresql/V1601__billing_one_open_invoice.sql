-- Issue 16 (billing): at most one open (not finalised) invoice per tenant, date and kind.
create unique index invoice_one_open_per_date on invoice (tenant_id, invoice_date, kind)
    where finalized_at is null;
