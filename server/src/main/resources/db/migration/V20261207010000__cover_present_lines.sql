-- D84: a re-sync reads the ids of the lines its month has (to tell those Arrow dropped) through the unique key of a
-- sync's lines, which now carries the two columns that read returns and filters on, so a vacuumed month (D80) is read
-- from the index alone rather than from the sync items' wide rows. The new key is built before the old one goes.
alter table billing_sync_items
    add constraint billing_sync_items_line_key unique (billing_sync_id, arrow_line_reference) include (id, removed);
alter table billing_sync_items drop constraint billing_sync_items_billing_sync_id_arrow_line_reference_key;
