-- D112: the look-up of a page's known lines also reads the currency each item records, still from the index alone
-- (D83). Built before the index it replaces goes, then given its name.
create index billing_sync_items_known_currency_idx on billing_sync_items (arrow_line_reference collate "C")
    include (id, billing_sync_id, removed, content_hash, billed_via, invoice_item_id, currency);
drop index billing_sync_items_known_idx;
alter index billing_sync_items_known_currency_idx rename to billing_sync_items_known_idx;
