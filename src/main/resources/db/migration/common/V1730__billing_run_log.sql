-- Issue 17: the history of billing runs, one row per run and node (a run started on two nodes
-- splits the tenants and records two rows). Operator data, not an organisation's: no tenant_id.
-- Written at the start, once per batch and at the end, so the console shows live progress.
create table billing_run_log (
    run_id                uuid          not null primary key,
    run_day               date          not null,
    node                  varchar(200)  not null,
    started_by            varchar(100)  not null,
    status                varchar(10)   not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    started_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    finished_at           timestamp with time zone,
    tenants_due           integer,
    batches_done          integer       not null default 0,
    tenants_billed        integer       not null default 0,
    subscriptions_billed  integer       not null default 0,
    invoices              integer       not null default 0,
    charges               integer       not null default 0,
    credits_returned      integer       not null default 0,
    refunds               integer       not null default 0,
    collections           integer       not null default 0,
    failed_step           varchar(10)   check (failed_step in ('LIFECYCLE', 'BILLING')),
    failure               varchar(1000)
);
create index billing_run_log_newest on billing_run_log (started_at, run_id);
create index billing_run_log_day on billing_run_log (run_day, status);

-- What a run moved, per currency (minor units): charged (charges and prorated charges), credits
-- returned on invoices and credit notes, and refunds to payment methods.
create table billing_run_log_total (
    run_id          uuid     not null references billing_run_log (run_id),
    currency        char(3)  not null,
    charged_minor   bigint   not null,
    credited_minor  bigint   not null,
    refunded_minor  bigint   not null,
    primary key (run_id, currency)
);
