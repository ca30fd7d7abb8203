-- A billed line is found by its line reference whichever customer's sync holds it (D29): one index probe per line.
create index billing_sync_items_line_reference_idx on billing_sync_items (arrow_line_reference);
