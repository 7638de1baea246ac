-- Paged lists read one page in their display order: an index per order, tenant first, so a page
-- and its count(*) touch only that tenant's rows (and the queue only its status's).
create index invoice_page on invoice (tenant_id, invoice_date desc, kind);
create index member_page on member (tenant_id, display_name, email);
create index payment_method_page on payment_method (tenant_id, created_at, payment_method_id);
create index credit_page on credit (tenant_id, created_at desc, credit_id);
create index refund_page on refund (tenant_id, created_at desc, refund_id);
create index callback_request_page on callback_request (tenant_id, created_at desc, callback_request_id);
create index callback_request_queue on callback_request (status, created_at, tenant_id, callback_request_id);
-- The queue's index above serves everything this one did.
drop index callback_request_status;
