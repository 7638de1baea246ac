-- Issue 14, the billing run's events, written set-based per batch: each statement selects the rows
-- the batch stamped. finalized_at: when the billing run issued the invoice (invoice.finalized, once
-- per invoice); the invoices that exist already count as issued when they were created, so no
-- backlog of old invoices is announced. finished_at: when the run applied (and maybe refunded) the
-- credit. applied_from / applied_to: what a scheduled change changed, as the run applied it.
alter table invoice add column finalized_at timestamp with time zone;
update invoice set finalized_at = created_at;
alter table credit add column finished_at timestamp with time zone;
alter table scheduled_change add column applied_from varchar(100);
alter table scheduled_change add column applied_to varchar(100);
