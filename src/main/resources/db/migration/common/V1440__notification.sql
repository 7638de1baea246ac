-- Issue 14, e-mail notifications. Admin accounts get an optional address (stored trimmed and in
-- lower case, as members' are). An organisation adds further recipients; each admin may turn off
-- the optional mails (a row per mail kind he does not want). Every mail sent is kept so it can be
-- read back (the operator's Sent e-mails page): keyed by tenant first, like everything a tenant owns.
alter table admin_account add column email varchar(254);
alter table admin_account add constraint admin_account_email_lower_case check (email = lower(email));

create table notification_recipient (
    tenant_id     uuid          not null references tenant (tenant_id),
    recipient_id  uuid          not null,
    email         varchar(254)  not null check (email = lower(email)),
    added_by      varchar(100)  not null,
    added_at      timestamp with time zone not null,
    primary key (tenant_id, recipient_id)
);
create unique index notification_recipient_email on notification_recipient (tenant_id, email);

create table notification_opt_out (
    tenant_id  uuid          not null references tenant (tenant_id),
    username   varchar(100)  not null references admin_account (username),
    mail_kind  varchar(40)   not null,
    primary key (tenant_id, username, mail_kind)
);

create table sent_email (
    tenant_id    uuid           not null references tenant (tenant_id),
    email_id     uuid           not null,
    delivery_id  uuid           not null,
    mail_kind    varchar(40)    not null,
    recipient    varchar(254)   not null,
    locale       varchar(20)    not null,
    subject      varchar(500)   not null,
    text_body    varchar(100000) not null,
    html_body    varchar(200000) not null,
    status       varchar(10)    not null check (status in ('SENT', 'FAILED')),
    detail       varchar(1000),
    sent_at      timestamp with time zone not null,
    primary key (tenant_id, email_id)
);
create index sent_email_recent on sent_email (sent_at, email_id);
create index sent_email_recipient on sent_email (recipient, sent_at);
