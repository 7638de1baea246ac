-- Who changed what, when, from what to what, and why: one row per change of state or money.
create table audit_event (
    tenant_id       uuid         not null references tenant (tenant_id),
    audit_event_id  uuid         not null,
    occurred_at     timestamp with time zone not null,
    actor           varchar(100) not null,
    action          varchar(60)  not null,
    entity_type     varchar(40)  not null,
    entity_id       varchar(100) not null,
    before_state    varchar(4000),
    after_state     varchar(4000),
    reason          varchar(4000),
    primary key (tenant_id, audit_event_id)
);
create index audit_event_entity on audit_event (tenant_id, entity_type, entity_id, occurred_at);
