-- PostgreSQL replaces delivery_due and outbox_event_fan_out with partial indexes here; H2 has none
-- and keeps both.
select 1;
