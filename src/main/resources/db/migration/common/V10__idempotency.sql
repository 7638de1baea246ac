-- Replays of POSTs carrying an Idempotency-Key. owner is the tenant id, or "account:<username>"
-- for support and operator accounts, which act for no single tenant.
create table idempotency_record (
    owner          varchar(120)  not null,
    idem_key       varchar(200)  not null,
    request_hash   char(64)      not null,
    status_code    integer,
    content_type   varchar(100),
    body           text,
    created_at     timestamp with time zone not null,
    primary key (owner, idem_key)
);
create index idempotency_record_age on idempotency_record (created_at);
