-- The organisation's billing day (day of month, 1-31): the day of month its first paid period
-- started; null until it has one. Credits are returned on the next date with this day (clamped to
-- the month's last day). Existing organisations take it from their earliest subscription anchor
-- (the start of a paid period series; trials have none until they convert).
alter table tenant add column billing_day smallint check (billing_day between 1 and 31);

update tenant t
   set billing_day = (select extract(day from min(s.anchor_date)) from subscription s
                       where s.tenant_id = t.tenant_id and s.anchor_date is not null)
 where t.billing_day is null
   and exists (select 1 from subscription s where s.tenant_id = t.tenant_id and s.anchor_date is not null);
