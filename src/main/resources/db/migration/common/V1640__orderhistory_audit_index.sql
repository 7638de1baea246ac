-- Issue 16 (exports): the order history pages through an organisation's audit trail newest first,
-- by action and time; without this index every page would scan the organisation's whole trail.
create index audit_event_tenant_action_time on audit_event (tenant_id, action, occurred_at);
