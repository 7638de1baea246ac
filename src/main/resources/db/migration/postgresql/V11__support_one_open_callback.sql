-- At most one open ("Let us call you") request per subscription.
create unique index callback_request_one_open on callback_request (tenant_id, subscription_id)
    where status in ('NEW', 'CLAIMED');
