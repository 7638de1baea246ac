-- The statements the provisioning sequence's four API calls execute (captured with log_statement=all
-- on the benchmark's database: bin/benchmark-provisioning capture), one transaction per call as the
-- service commits them (chr(58) is ':', which pgbench would read as a variable). Left out: HTTP authentication (an API key is looked up once and cached) and
-- the outbox dispatcher's fan-out of the sequence's three events (asynchronous, after the commits).
-- Ids are derived from one random number per sequence, so the four steps refer to each other's rows.
\set r random(1, 9000000000000000000)
-- 1. POST /api/v1/tenants (operator key): the organisation, its first Global admin and its API key
BEGIN;
insert into idempotency_record (owner, idem_key, request_hash, caller_roles, created_at) values ('account' || chr(58) || 'operator', 'pg-' || :r::bigint || '-t', md5(:r::bigint || 't') || md5(:r::bigint || 'T'), 'OPERATOR', now()) on conflict do nothing;
insert into tenant (tenant_id, name, country, locale, time_zone, currency, created_at) values (md5('t' || :r::bigint)::uuid, 'Provisioned ' || :r::bigint, 'IE', 'en', 'Europe/Dublin', 'EUR', now());
insert into audit_event (tenant_id, audit_event_id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason) values (md5('t' || :r::bigint)::uuid, gen_random_uuid(), now(), 'operator', 'TENANT_CREATED', 'tenant', md5('t' || :r::bigint)::uuid::text, null, 'Provisioned ' || :r::bigint, null);
select count(*) from admin_account where username = 'pg-' || :r::bigint;
insert into admin_account (username, tenant_id, display_name, password_hash, locale, enabled, created_at, email) values ('pg-' || :r::bigint, md5('t' || :r::bigint)::uuid, 'First Admin ' || :r::bigint, '{pbkdf2@SpringSecurity_v5_8}2fcba9d25d6abc8b92f839e912f26976f17c78b55c6f2610ab8a9f5a9b1033cda1d45feb0caf2c12d8b93ef1c2a2c09c', 'en', true, now(), 'pg-' || :r::bigint || '@example.org');
insert into admin_account_role (username, role) values ('pg-' || :r::bigint, 'GLOBAL_ADMIN');
insert into audit_event (tenant_id, audit_event_id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason) values (md5('t' || :r::bigint)::uuid, gen_random_uuid(), now(), 'operator', 'ACCOUNT_CREATED', 'admin_account', 'pg-' || :r::bigint, null, '[GLOBAL_ADMIN]', null);
--APIKEY--
update idempotency_record set status_code = 201, content_type = 'application/json', body = repeat('t', 330) where owner = 'account' || chr(58) || 'operator' and idem_key = 'pg-' || :r::bigint || '-t';
COMMIT;
-- 2. POST /api/v1/payment-methods (the organisation's key)
BEGIN;
insert into idempotency_record (owner, idem_key, request_hash, caller_roles, created_at) values (md5('t' || :r::bigint), 'pg-' || :r::bigint || '-pm', md5(:r::bigint || 'p') || md5(:r::bigint || 'P'), 'GLOBAL_ADMIN', now()) on conflict do nothing;
select * from tenant where tenant_id = md5('t' || :r::bigint)::uuid;
insert into payment_method (tenant_id, payment_method_id, token, brand, last4, expiry_month, expiry_year, created_at) values (md5('t' || :r::bigint)::uuid, md5('p' || :r::bigint)::uuid, 'tok_' || :r::bigint, 'Visa', '4242', 12, 2035, now());
insert into audit_event (tenant_id, audit_event_id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason) values (md5('t' || :r::bigint)::uuid, gen_random_uuid(), now(), 'pg-' || :r::bigint, 'PAYMENT_METHOD_ADDED', 'payment_method', md5('p' || :r::bigint)::uuid::text, null, 'Visa **** 4242', null);
update idempotency_record set status_code = 201, content_type = 'application/json', body = repeat('p', 110) where owner = md5('t' || :r::bigint) and idem_key = 'pg-' || :r::bigint || '-pm';
COMMIT;
-- 3. POST /api/v1/subscriptions: 5 licenses of harbor-monthly, charged on today's invoice
BEGIN;
insert into idempotency_record (owner, idem_key, request_hash, caller_roles, created_at) values (md5('t' || :r::bigint), 'pg-' || :r::bigint || '-buy', md5(:r::bigint || 'b') || md5(:r::bigint || 'B'), 'GLOBAL_ADMIN', now()) on conflict do nothing;
select p.plan_id, p.product_id, pr.name as product_name, p.unit_price_minor, p.currency, p.billing_frequency, p.commitment_term, p.trial_days, p.trial_licenses, p.max_quantity, p.upgrade_rank from plan p join product pr on pr.product_id = p.product_id where p.plan_id = 'harbor-monthly';
select * from tenant where tenant_id = md5('t' || :r::bigint)::uuid;
select * from payment_method where tenant_id = md5('t' || :r::bigint)::uuid and payment_method_id = md5('p' || :r::bigint)::uuid;
insert into subscription (tenant_id, subscription_id, plan_id, quantity, status, auto_renew, anchor_date, current_period_start, current_period_end, trial_end, payment_method_id, created_at, status_changed_at) values (md5('t' || :r::bigint)::uuid, md5('s' || :r::bigint)::uuid, 'harbor-monthly', 5, 'ACTIVE', true, current_date, current_date, current_date + 30, null, md5('p' || :r::bigint)::uuid, now(), now());
insert into audit_event (tenant_id, audit_event_id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason) values (md5('t' || :r::bigint)::uuid, gen_random_uuid(), now(), 'pg-' || :r::bigint, 'SUBSCRIPTION_STARTED', 'subscription', md5('s' || :r::bigint)::uuid::text, null, 'ACTIVE x5 harbor-monthly', null);
insert into outbox_event (tenant_id, event_id, event_type, occurred_at, subject_id, data) values (md5('t' || :r::bigint)::uuid, gen_random_uuid(), 'subscription.created', now(), md5('s' || :r::bigint)::uuid::text, repeat('s', 190));
update tenant set billing_day = extract(day from current_date) where tenant_id = md5('t' || :r::bigint)::uuid and billing_day is null;
insert into audit_event (tenant_id, audit_event_id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason) values (md5('t' || :r::bigint)::uuid, gen_random_uuid(), now(), 'system', 'BILLING_DAY_SET', 'tenant', md5('t' || :r::bigint)::uuid::text, null, 'day 28', null);
select invoice_id from invoice where tenant_id = md5('t' || :r::bigint)::uuid and invoice_date = current_date and kind = 'INVOICE' for update;
insert into invoice (tenant_id, invoice_id, invoice_date, currency, total_minor, kind, created_at) values (md5('t' || :r::bigint)::uuid, md5('i' || :r::bigint)::uuid, current_date, 'EUR', 0, 'INVOICE', now());
select invoice_id from invoice where tenant_id = md5('t' || :r::bigint)::uuid and invoice_date = current_date and kind = 'INVOICE' for update;
select coalesce(max(line_no), 0) + 1 from invoice_line where tenant_id = md5('t' || :r::bigint)::uuid and invoice_id = md5('i' || :r::bigint)::uuid;
insert into invoice_line (tenant_id, invoice_id, line_no, kind, subscription_id, period_start, period_end, quantity, unit_price_minor, amount_minor, currency, charge_period_start, charge_activation) values (md5('t' || :r::bigint)::uuid, md5('i' || :r::bigint)::uuid, 1, 'CHARGE', md5('s' || :r::bigint)::uuid, current_date, current_date + 30, 5, 420, 2100, 'EUR', current_date, (select s.activation from subscription s where s.tenant_id = md5('t' || :r::bigint)::uuid and s.subscription_id = md5('s' || :r::bigint)::uuid));
update invoice set total_minor = total_minor + 2100 where tenant_id = md5('t' || :r::bigint)::uuid and invoice_id = md5('i' || :r::bigint)::uuid;
select s.subscription_id, s.plan_id, s.quantity, s.status, s.auto_renew, s.anchor_date, s.current_period_start, s.current_period_end, s.trial_end, s.payment_method_id, s.created_at, s.cancelled_at, s.scheduled_cancel_on, pr.name as product_name, (select count(*) from license_assignment a where a.tenant_id = s.tenant_id and a.subscription_id = s.subscription_id) as assigned from subscription s join plan p on p.plan_id = s.plan_id join product pr on pr.product_id = p.product_id where s.tenant_id = md5('t' || :r::bigint)::uuid and s.subscription_id = md5('s' || :r::bigint)::uuid;
select change_id, subscription_id, kind, quantity, plan_id, effective_on, status, created_by, created_at from scheduled_change where tenant_id = md5('t' || :r::bigint)::uuid and subscription_id = md5('s' || :r::bigint)::uuid and status = 'PENDING' order by effective_on, kind, change_id;
update idempotency_record set status_code = 201, content_type = 'application/json', body = repeat('b', 390) where owner = md5('t' || :r::bigint) and idem_key = 'pg-' || :r::bigint || '-buy';
COMMIT;
-- 4. POST /api/v1/subscriptions/{id}/cancellation {"when":"NOW"}: a prorated credit
BEGIN;
insert into idempotency_record (owner, idem_key, request_hash, caller_roles, created_at) values (md5('t' || :r::bigint), 'pg-' || :r::bigint || '-cancel', md5(:r::bigint || 'c') || md5(:r::bigint || 'C'), 'GLOBAL_ADMIN', now()) on conflict do nothing;
select s.subscription_id, s.plan_id, s.quantity, s.status, s.auto_renew, s.anchor_date, s.current_period_start, s.current_period_end, s.trial_end, s.payment_method_id, s.created_at, s.cancelled_at, s.scheduled_cancel_on from subscription s where s.tenant_id = md5('t' || :r::bigint)::uuid and s.subscription_id = md5('s' || :r::bigint)::uuid for update;
select period_start, period_end, unit_price_minor, quantity, amount_minor, currency from invoice_line where tenant_id = md5('t' || :r::bigint)::uuid and subscription_id = md5('s' || :r::bigint)::uuid and charge_period_start = current_date and charge_activation = (select s.activation from subscription s where s.tenant_id = md5('t' || :r::bigint)::uuid and s.subscription_id = md5('s' || :r::bigint)::uuid);
select direction, amount_minor, currency, quantity_after, unit_price_after_minor from prorated_amount where tenant_id = md5('t' || :r::bigint)::uuid and subscription_id = md5('s' || :r::bigint)::uuid and period_start = current_date and activation = (select s.activation from subscription s where s.tenant_id = md5('t' || :r::bigint)::uuid and s.subscription_id = md5('s' || :r::bigint)::uuid) order by seq;
select billing_day from tenant where tenant_id = md5('t' || :r::bigint)::uuid;
select current_period_end from subscription where tenant_id = md5('t' || :r::bigint)::uuid and status = 'ACTIVE' and auto_renew = true and subscription_id <> md5('s' || :r::bigint)::uuid and current_period_end > current_date order by current_period_end fetch first 1 rows only;
select member_id from license_assignment where tenant_id = md5('t' || :r::bigint)::uuid and subscription_id = md5('s' || :r::bigint)::uuid order by member_id;
select p.plan_id, p.product_id, pr.name as product_name, p.unit_price_minor, p.currency, p.billing_frequency, p.commitment_term, p.trial_days, p.trial_licenses, p.max_quantity, p.upgrade_rank from plan p join product pr on pr.product_id = p.product_id where p.plan_id = 'harbor-monthly';
delete from license_assignment where tenant_id = md5('t' || :r::bigint)::uuid and subscription_id = md5('s' || :r::bigint)::uuid;
update subscription set status_changed_at = case when status = 'DISABLED' then status_changed_at else now() end, status = 'DISABLED', plan_id = 'harbor-monthly', quantity = 5, auto_renew = false, anchor_date = current_date, current_period_start = current_date, current_period_end = current_date + 30, trial_end = null, payment_method_id = md5('p' || :r::bigint)::uuid, cancelled_at = now(), scheduled_cancel_on = null where tenant_id = md5('t' || :r::bigint)::uuid and subscription_id = md5('s' || :r::bigint)::uuid;
select change_id, subscription_id, kind, quantity, plan_id, effective_on, status, created_by, created_at from scheduled_change where tenant_id = md5('t' || :r::bigint)::uuid and subscription_id = md5('s' || :r::bigint)::uuid and status = 'PENDING' order by effective_on, kind, change_id;
insert into audit_event (tenant_id, audit_event_id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason) values (md5('t' || :r::bigint)::uuid, gen_random_uuid(), now(), 'pg-' || :r::bigint, 'SUBSCRIPTION_CANCELLED', 'subscription', md5('s' || :r::bigint)::uuid::text, 'ACTIVE', 'DISABLED', 'OTHER');
insert into cancellation (tenant_id, cancellation_id, subscription_id, cancel_when, effective_on, reason, user_comment, credit_minor, currency, actor, assisted_note, created_at) values (md5('t' || :r::bigint)::uuid, gen_random_uuid(), md5('s' || :r::bigint)::uuid, 'NOW', current_date, 'OTHER', null, 2030, 'EUR', 'pg-' || :r::bigint, null, now());
insert into credit (tenant_id, credit_id, subscription_id, amount_minor, currency, status, return_on, created_at, period_start, change_id, activation) values (md5('t' || :r::bigint)::uuid, md5('c' || :r::bigint)::uuid, md5('s' || :r::bigint)::uuid, 2030, 'EUR', 'PENDING', current_date + 30, now(), current_date, null, (select s.activation from subscription s where s.tenant_id = md5('t' || :r::bigint)::uuid and s.subscription_id = md5('s' || :r::bigint)::uuid));
insert into audit_event (tenant_id, audit_event_id, occurred_at, actor, action, entity_type, entity_id, before_state, after_state, reason) values (md5('t' || :r::bigint)::uuid, gen_random_uuid(), now(), 'pg-' || :r::bigint, 'CREDIT_RECORDED', 'credit', md5('c' || :r::bigint)::uuid::text, null, '20.30 EUR pending, returned on 2026-12-28', null);
insert into outbox_event (tenant_id, event_id, event_type, occurred_at, subject_id, data) values (md5('t' || :r::bigint)::uuid, gen_random_uuid(), 'credit.created', now(), md5('c' || :r::bigint)::uuid::text, repeat('c', 170));
select * from callback_request where tenant_id = md5('t' || :r::bigint)::uuid and subscription_id = md5('s' || :r::bigint)::uuid and status = 'NEW';
insert into outbox_event (tenant_id, event_id, event_type, occurred_at, subject_id, data) values (md5('t' || :r::bigint)::uuid, gen_random_uuid(), 'subscription.cancelled', now(), md5('s' || :r::bigint)::uuid::text, repeat('x', 280));
select * from tenant where tenant_id = md5('t' || :r::bigint)::uuid;
update idempotency_record set status_code = 200, content_type = 'application/json', body = repeat('c', 850) where owner = md5('t' || :r::bigint) and idem_key = 'pg-' || :r::bigint || '-cancel';
COMMIT;
