-- Issue 16, billing profile: who an organisation's invoices are addressed to. One row per
-- organisation, written the first time an admin saves the profile (until then it is made of the
-- organisation's name and language). The country is not here: it is tenant.country, fixed at
-- sign-up. The tax ID is kept normalised (upper case, an EU VAT number without separators).
create table billing_profile (
    tenant_id           uuid          not null primary key references tenant (tenant_id),
    legal_name          varchar(200)  not null,
    address_line1       varchar(200),
    address_line2       varchar(200),
    postal_code         varchar(20),
    city                varchar(100),
    region              varchar(100),
    tax_id              varchar(40),
    purchase_order      varchar(60),
    invoice_language    varchar(10)   not null,
    attach_pdf          boolean       not null,
    electronic_invoice  boolean       not null,
    updated_at          timestamp with time zone not null,
    updated_by          varchar(100)  not null
);
