-- Organisations the operator suspended: one row while suspended, deleted on resuming (the audit
-- trail keeps the history). Sign-in, sessions and API keys consult it; billing does not.
create table tenant_suspension (
    tenant_id     uuid          not null primary key references tenant (tenant_id),
    suspended_at  timestamp with time zone not null,
    suspended_by  varchar(100)  not null,
    reason        varchar(500)  not null
);

-- The operator's organisation list is sorted by name, a page at a time.
create index tenant_name on tenant (name, tenant_id);
