-- Issue 16 (billing): invoice and credit note numbers, due dates, and immutable finalised invoices.
-- One counter per series (INV-2026, CN-2026, or INV / CN without the yearly reset), locked by the
-- finalising transaction: a rollback returns its numbers, so a series has no gaps. Not tenant-owned:
-- numbers are unique across the installation.
create table invoice_number_series (
    series       varchar(30) not null primary key,
    last_number  bigint      not null check (last_number >= 0)
);

-- number: null until the billing run finalises the invoice. due_date: fixed at finalisation
-- (invoice date + billing-center.invoices.payment-terms days). plan_id on a line: the plan it billed.
alter table invoice add column number varchar(40);
alter table invoice add constraint invoice_number_unique unique (number);
alter table invoice add column due_date date;
alter table invoice_line add column plan_id varchar(60);

-- A finalised invoice never changes: new lines of its date go on a new open invoice. The old
-- "one per tenant, date and kind" becomes "one OPEN per tenant, date and kind" (V1601, per vendor).
alter table invoice drop constraint invoice_one_per_date;
create index invoice_tenant_date on invoice (tenant_id, invoice_date, kind);

-- Invoices finalised before numbering existed are numbered here, in (invoice date, tenant, kind)
-- order, with the default prefixes and the yearly reset: the settings are new, so no installation
-- can have chosen others yet. Their due date is their date (the payment terms were 0 days).
update invoice set due_date = invoice_date where finalized_at is not null;
update invoice i
   set number = (select case when n.kind = 'INVOICE' then 'INV-' else 'CN-' end
                        || cast(n.yr as varchar(4)) || '-' || lpad(cast(n.seq as varchar(20)), 6, '0')
                   from (select tenant_id, invoice_id, kind, cast(extract(year from invoice_date) as integer) as yr,
                                row_number() over (partition by kind, cast(extract(year from invoice_date) as integer)
                                                   order by invoice_date, tenant_id, invoice_id) as seq
                           from invoice where finalized_at is not null) n
                  where n.tenant_id = i.tenant_id and n.invoice_id = i.invoice_id)
 where i.finalized_at is not null;
insert into invoice_number_series (series, last_number)
select case when kind = 'INVOICE' then 'INV-' else 'CN-' end || cast(cast(extract(year from invoice_date) as integer) as varchar(4)),
       count(*)
  from invoice where finalized_at is not null
 group by kind, cast(extract(year from invoice_date) as integer);

-- The documents' lines say which plan they billed: lines so far take their subscription's plan.
update invoice_line l set plan_id = (select s.plan_id from subscription s
                                      where s.tenant_id = l.tenant_id and s.subscription_id = l.subscription_id)
 where l.subscription_id is not null;
