-- Issue 18 (accounting): each credit allocation is carried by one ADJUSTMENT line on the invoice
-- of the credit's return date ("applied to invoice <number>"): that invoice's total stays the sum
-- of its lines, and its page and PDF can name the invoice the credit paid.
alter table credit_allocation add column line_invoice_id uuid;
alter table credit_allocation add column line_no integer;
