-- Members' e-mail addresses are unique per tenant whatever their case: the service stores them
-- trimmed and in lower case, and the existing unique (tenant_id, email) then compares them without
-- case. This check makes the rule the database's too, so no other writer can store "Kim@" next to
-- "kim@". Rows written before the rule are brought in line first (a clash fails the migration
-- loudly rather than keeping two members with one address).
update member set email = lower(email) where email <> lower(email);
alter table member add constraint member_email_lower_case check (email = lower(email));
