-- "Let us call you": requests a support engineer picks up and works to an end.
create table callback_request (
    tenant_id            uuid         not null,
    callback_request_id  uuid         not null,
    subscription_id      uuid         not null,
    contact_name         varchar(200) not null,
    phone                varchar(20)  not null,
    language             varchar(10)  not null,
    time_window          varchar(100) not null,
    status               varchar(10)  not null check (status in ('NEW', 'CLAIMED', 'COMPLETED', 'WITHDRAWN')),
    engineer             varchar(100),
    notes                varchar(4000),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    primary key (tenant_id, callback_request_id),
    foreign key (tenant_id, subscription_id) references subscription (tenant_id, subscription_id)
);
create index callback_request_status on callback_request (status, created_at);
