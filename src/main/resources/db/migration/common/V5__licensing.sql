-- A seat: one member holding a license of one subscription. Both foreign keys carry tenant_id, so
-- a member of another organisation can never be assigned.
create table license_assignment (
    tenant_id        uuid not null,
    subscription_id  uuid not null,
    member_id        uuid not null,
    assigned_at      timestamp with time zone not null,
    primary key (tenant_id, subscription_id, member_id),
    foreign key (tenant_id, subscription_id) references subscription (tenant_id, subscription_id),
    foreign key (tenant_id, member_id) references member (tenant_id, member_id)
);
create index license_assignment_member on license_assignment (tenant_id, member_id);
