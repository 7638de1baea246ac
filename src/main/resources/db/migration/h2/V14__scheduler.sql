-- db-scheduler's table in H2's types.
create table scheduled_tasks (
    task_name            varchar(100)             not null,
    task_instance        varchar(250)             not null,
    task_data            varbinary,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            varchar(100),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);

alter table audit_event alter column audit_event_id set default random_uuid();
