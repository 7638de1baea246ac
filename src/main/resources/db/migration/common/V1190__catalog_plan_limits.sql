-- A plan may cap the licenses one subscription holds (null: only the service's own limit), and is
-- ranked among the catalog's plans so pages can suggest the bigger ones as upgrades.
alter table plan add column max_quantity integer;
alter table plan add constraint plan_max_quantity_positive check (max_quantity is null or max_quantity > 0);
alter table plan add column upgrade_rank integer default 0 not null;
