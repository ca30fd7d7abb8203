-- D83: the look-up of a page's known lines (by line reference, D73) reads every column it returns from the index, so
-- a vacuumed month (D80) is answered without visiting the sync items' wide rows. Built before the index it replaces
-- goes, so the items stay readable meanwhile.
create index billing_sync_items_known_idx on billing_sync_items (arrow_line_reference collate "C")
    include (id, billing_sync_id, removed, content_hash, billed_via, invoice_item_id);
drop index billing_sync_items_reference_bytes_idx;
