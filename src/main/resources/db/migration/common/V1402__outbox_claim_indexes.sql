-- The per-target log index led with channel, so the planner could AND it with the due index for a
-- claim's "channel in (...)" and sort every due row (seen at 80,000 due: 670 ms per claim whenever
-- the statistics still said the table was empty). Led by target it serves only the log, and a
-- claim reads the due index in next_attempt_at order and stops at its batch.
drop index delivery_target;
create index delivery_target on delivery (target, channel, created_at);
