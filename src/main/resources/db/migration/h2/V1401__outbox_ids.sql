alter table outbox_event alter column event_id set default random_uuid();
alter table delivery alter column delivery_id set default random_uuid();
