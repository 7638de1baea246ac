-- Issue 15, sessions. One row per signed-in browser session. session_id is a random key the
-- servlet session carries as an attribute: never the container's session id, which would let
-- whoever reads this table take over the session. tenant_id is null for operator-side accounts
-- (support engineers, operators), so it cannot lead the primary key; lookups go by
-- (tenant_id, username) and (tenant_id, session_id).
-- ended_at is written with the database's clock: every node polls "ended since" against that one
-- clock, whatever its own says.
create table web_session (
    session_id      uuid         not null primary key,
    tenant_id       uuid         references tenant (tenant_id),
    username        varchar(100) not null,
    created_at      timestamp with time zone not null,
    last_seen_at    timestamp with time zone not null,
    client_address  varchar(64),
    device          varchar(100),
    ended_at        timestamp with time zone,
    ended_by        varchar(100),
    end_reason      varchar(30)
);
create index web_session_user on web_session (tenant_id, username);
create index web_session_ended on web_session (ended_at);
