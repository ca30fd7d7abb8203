-- Indexes for the list endpoints' filters at a million lines (D66). The substring filters (Waldur's icontains) on the
-- references of consumption records and billing syncs use trigram indexes: pg_trgm ships with PostgreSQL's contrib
-- modules (the embedded PostgreSQL has it) and is a trusted extension, so the database's owner may create it. Sync items
-- and invoice items, written by the million, get none: a trigram index doubled a first sync's writing.
create extension if not exists pg_trgm;

create index billing_sync_items_compensated_idx on billing_sync_items (compensation_item_id) where compensation_item_id is not null;
create index invoice_items_project_idx on invoice_items (project_uuid);
create index consumption_records_license_trgm_idx on consumption_records using gin (license_reference gin_trgm_ops);
create index billing_syncs_statement_trgm_idx on billing_syncs using gin (statement_reference gin_trgm_ops);
create index billing_syncs_arrow_state_idx on billing_syncs (lower(arrow_state));
create index billing_syncs_list_order_idx on billing_syncs (report_period desc, created desc, id desc);
