-- Who asked for the call: the requester (or a Global admin) may withdraw it. Existing requests take
-- the actor of their CALLBACK_REQUESTED audit event, which every request has had from the start.
alter table callback_request add column requested_by varchar(100);
update callback_request r
   set requested_by = (select min(a.actor) from audit_event a
                        where a.tenant_id = r.tenant_id and a.entity_type = 'callback_request'
                          and a.entity_id = cast(r.callback_request_id as varchar(100))
                          and a.action = 'CALLBACK_REQUESTED');
