-- Cancellation: the end-of-term schedule on the subscription, one row per cancellation with the
-- survey answer, and one credit per subscription-period at most.
alter table subscription add column scheduled_cancel_on date;

create table cancellation (
    tenant_id         uuid          not null,
    cancellation_id   uuid          not null,
    subscription_id   uuid          not null,
    cancel_when       varchar(12)   not null check (cancel_when in ('NOW', 'END_OF_TERM')),
    effective_on      date          not null,
    reason            varchar(20)   not null check (reason in ('TOO_EXPENSIVE', 'MISSING_FEATURES',
                          'SWITCHED_SERVICE', 'TOO_COMPLEX', 'UNUSED', 'OTHER')),
    user_comment      varchar(2000),
    credit_minor      bigint        not null check (credit_minor >= 0),
    currency          char(3)       not null,
    actor             varchar(100)  not null,
    assisted_note     varchar(2000),
    created_at        timestamp with time zone not null,
    undone_at         timestamp with time zone,
    primary key (tenant_id, cancellation_id),
    foreign key (tenant_id, subscription_id) references subscription (tenant_id, subscription_id)
);
create index cancellation_subscription on cancellation (tenant_id, subscription_id, created_at);

alter table credit add column period_start date;
alter table credit add constraint credit_once_per_period unique (tenant_id, subscription_id, period_start);
