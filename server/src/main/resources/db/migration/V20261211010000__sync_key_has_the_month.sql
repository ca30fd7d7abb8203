-- A sync is a customer's statement of one month: the month is part of its key (D110), so a statement reference that
-- Arrow used for two months gives two syncs instead of one that takes the other month's lines.
alter table billing_syncs
    add constraint billing_syncs_statement_month_key unique (customer_mapping_id, statement_reference, report_period);
alter table billing_syncs drop constraint billing_syncs_customer_mapping_id_statement_reference_key;
