-- Issue 18 (payments that fail). Every try to collect an invoice is a payment attempt with its
-- outcome; a successful one also writes the invoice's payment row (one per invoice, as before).
-- The idempotency key is derived from the invoice and the attempt number, so a retry of a call
-- whose answer was lost (a timeout, a node killed mid-call) is the same charge at the provider.
create table payment_attempt (
    tenant_id          uuid         not null,
    attempt_id         uuid         not null,
    invoice_id         uuid         not null,
    attempt_no         integer      not null check (attempt_no >= 1),
    trigger_kind       varchar(12)  not null check (trigger_kind in ('INVOICE', 'RETRY', 'PAY_NOW')),
    payment_method_id  uuid,
    amount_minor       bigint       not null check (amount_minor > 0),
    currency           char(3)      not null,
    idempotency_key    varchar(100) not null,
    -- QUEUED: written, not sent yet; SENT: sent, answer not recorded yet (in flight, or lost);
    -- SUCCEEDED / DECLINED: the provider's final answer; CANCELLED: the invoice was voided or paid first.
    status             varchar(12)  not null check (status in ('QUEUED', 'SENT', 'SUCCEEDED', 'DECLINED', 'CANCELLED')),
    outcome_code       varchar(40),
    provider_reference varchar(100),
    calls              integer      not null default 0,
    actor              varchar(200) not null,
    created_at         timestamp with time zone not null,
    sent_at            timestamp with time zone,
    finished_at        timestamp with time zone,
    primary key (tenant_id, attempt_id),
    constraint payment_attempt_number unique (tenant_id, invoice_id, attempt_no),
    constraint payment_attempt_key unique (idempotency_key),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, invoice_id)
);
create index payment_attempt_unfinished on payment_attempt (status, created_at);
create index payment_attempt_invoice on payment_attempt (tenant_id, invoice_id, attempt_no);

-- An invoice whose dunning ran out unpaid (UNCOLLECTIBLE until paid).
alter table invoice add column uncollectible_at timestamp with time zone;

-- Credits returned to an overdue invoice before anything is refunded.
create table credit_allocation (
    tenant_id     uuid        not null,
    allocation_id uuid        not null,
    credit_id     uuid        not null,
    invoice_id    uuid        not null,
    amount_minor  bigint      not null check (amount_minor > 0),
    currency      char(3)     not null,
    created_at    timestamp with time zone not null,
    primary key (tenant_id, allocation_id),
    foreign key (tenant_id, credit_id) references credit (tenant_id, credit_id),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, invoice_id)
);
create index credit_allocation_invoice on credit_allocation (tenant_id, invoice_id);

-- Why a subscription is EXPIRED when it is not its term (PAYMENT_FAILED: paying the balance
-- reactivates it without a new purchase, until it is DELETED).
alter table subscription add column expired_reason varchar(20);

-- Payment methods: a holder name, the organisation's default, and removal that keeps the row for
-- the payments and refunds that name it.
alter table payment_method add column holder_name varchar(200);
alter table payment_method add column removed_at timestamp with time zone;
alter table tenant add column default_payment_method_id uuid;

-- The sandbox payment provider's own books (the default gateway adapter): what it charged under
-- which idempotency key. A real provider keeps these; a replay of a key answers from here.
create table sandbox_charge (
    idempotency_key  varchar(100) not null primary key,
    charge_id        varchar(40)  not null,
    token            varchar(200) not null,
    amount_minor     bigint       not null,
    currency         char(3)      not null,
    outcome          varchar(12)  not null check (outcome in ('SUCCEEDED', 'DECLINED', 'ERROR')),
    decline_code     varchar(40),
    created_at       timestamp with time zone not null
);
create index sandbox_charge_token on sandbox_charge (token, created_at);
