-- Issue 16 (billing): voiding an issued invoice that is not paid. The invoice keeps its number (a
-- series has no gaps) and its lines (the periods it charged are forgiven, never charged again);
-- voided_at makes its status VOID. A collection still pending settlement is withdrawn: withdrawn_at
-- tells the settlement process (and the dunning of issue 18) to leave it alone.
alter table invoice add column voided_at timestamp with time zone;
alter table invoice add column voided_by varchar(200);
alter table invoice add column void_reason varchar(500);
alter table payment add column withdrawn_at timestamp with time zone;
