-- Issue 17 (audit): the audit searches list newest first, filtered by organisation, actor, action
-- and time. A Global admin's search always has its tenant_id, so those indexes lead with it; the
-- operator's searches across organisations by time or by actor cannot use a tenant-first key, so
-- they get their own (by action across organisations is rare and rides on the time index).
create index audit_event_tenant_time on audit_event (tenant_id, occurred_at, seq);
create index audit_event_tenant_actor_time on audit_event (tenant_id, actor, occurred_at);
create index audit_event_time on audit_event (occurred_at, seq);
create index audit_event_actor_time on audit_event (actor, occurred_at);
