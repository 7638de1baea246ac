-- Issue 18 (payments that fail), item 1: a refund goes to the payment provider like a charge, with
-- an idempotency key derived from the refund, a timeout, and its outcome recorded on the row.
-- PENDING_SETTLEMENT: written, not answered yet (sent_at null: not sent yet); SETTLED: the provider
-- paid it back; FAILED: the provider refused it (outcome_code says why), the money is still owed.
alter table refund add column idempotency_key varchar(100);
update refund set idempotency_key = 'bc_refund_' || cast(refund_id as varchar(36));
alter table refund alter column idempotency_key set not null;
alter table refund add constraint refund_key unique (idempotency_key);
alter table refund add column outcome_code varchar(40);
alter table refund add column provider_reference varchar(100);
alter table refund add column calls integer not null default 0;
alter table refund add column sent_at timestamp with time zone;
alter table refund add column finished_at timestamp with time zone;
create index refund_unfinished on refund (status, created_at);

-- The sandbox provider's books hold its refunds too (a token's charges are counted without them).
alter table sandbox_charge add column kind varchar(6) not null default 'CHARGE';
alter table sandbox_charge add constraint sandbox_charge_kind check (kind in ('CHARGE', 'REFUND'));
