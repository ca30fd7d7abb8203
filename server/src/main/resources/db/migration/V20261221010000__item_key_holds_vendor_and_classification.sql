-- The sync items' primary key holds each line's vendor and classification beside its id (D158): a page of the list
-- filtered by either walks the key backwards, newest first, and tests each line on what the key holds, so that once the
-- month is vacuumed a deep page chooses its hundred keys without visiting the rows of the tens of thousands it skips.
-- No other index: a line's write still updates one key, a little wider. Nothing references the items' key.
alter table billing_sync_items
    drop constraint billing_sync_items_pkey,
    add constraint billing_sync_items_pkey primary key (id) include (vendor_name, classification);
