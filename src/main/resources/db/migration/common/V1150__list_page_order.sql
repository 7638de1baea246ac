-- Paged lists read one page in their display order: an index per order, tenant first, so a page
-- and its count(*) touch only that tenant's rows (and the queue only its status's). Invoices,
-- credits and refunds keep their existing tenant-first indexes: an extra (descending) index on
-- them made concurrent cancellations on H2 wait past its lock timeout (ThreeNodesIT), and one
-- tenant's rows there are few enough to sort.
create index member_page on member (tenant_id, display_name, email);
create index payment_method_page on payment_method (tenant_id, created_at, payment_method_id);
create index callback_request_page on callback_request (tenant_id, created_at desc, callback_request_id);
create index callback_request_queue on callback_request (status, created_at, tenant_id, callback_request_id);
-- The queue's index above serves everything this one did.
drop index callback_request_status;
