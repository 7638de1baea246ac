-- The roles of the account that made the first request of a key: a replay is answered only to a
-- caller holding at least those rights (a Global admin holds every right of its organisation).
-- Rows from before this column are answered to Global admins only.
alter table idempotency_record add column caller_roles varchar(200);
