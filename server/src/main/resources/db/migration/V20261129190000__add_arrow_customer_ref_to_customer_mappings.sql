-- Arrow's Ref of the mapped customer (222222 for XSP222222): billing exports name customers by it in End User Company ID.
-- Learned from Arrow's customer list when first needed; null until then.
alter table customer_mappings add column arrow_customer_ref text;
