-- Issue 17 (charts): the operator's series read every organisation's rows of a time window (charged
-- periods covering a day, cancellations and callback requests of a month or week). Cross-tenant by
-- nature, so these keys lead with time, not tenant_id; they keep each series read from scanning
-- whole tables as the service grows.
create index invoice_line_period_end on invoice_line (period_end, period_start);
create index cancellation_created on cancellation (created_at);
create index callback_request_created on callback_request (created_at);
