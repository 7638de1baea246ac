-- Only PENDING deliveries are ever claimed: a partial index of them stays small however long the
-- finished ones are kept (H2 has no partial indexes and keeps delivery_due).
create index delivery_due_pending on delivery (next_attempt_at) where status = 'PENDING';
drop index delivery_due;
-- Likewise for the events still to fan out.
create index outbox_event_to_fan_out on outbox_event (seq) where fanned_out = false;
drop index outbox_event_fan_out;
