-- Issue 17: the support console. The notes an engineer writes while talking (a history, not one
-- overwritten field), and how a worked request ended: what support did for the organisation, and
-- for an organisation that stayed, why (retention data).
create table callback_note (
    tenant_id            uuid          not null,
    callback_request_id  uuid          not null,
    note_id              uuid          not null,
    engineer             varchar(100)  not null,
    body                 varchar(4000) not null,
    created_at           timestamp with time zone not null,
    primary key (tenant_id, callback_request_id, note_id),
    foreign key (tenant_id, callback_request_id) references callback_request (tenant_id, callback_request_id)
);
create index callback_note_request on callback_note (tenant_id, callback_request_id, created_at);

alter table callback_request add column outcome varchar(20)
    check (outcome in ('RETAINED', 'LICENSES_REMOVED', 'CANCELLED'));
alter table callback_request add column retention_reason varchar(30);
alter table callback_request add column retention_text varchar(2000);
create index callback_request_language on callback_request (status, language, created_at);
