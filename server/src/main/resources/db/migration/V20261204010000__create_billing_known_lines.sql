-- A line reference is an identifier, compared only for equality: its index orders bytes ("C") instead of the
-- database's locale, which makes each comparison a memcmp instead of a strcoll (D73). The new index is built before
-- the old one goes, so the items stay readable while it builds (dropping an index locks its table until the commit).
create index billing_sync_items_reference_bytes_idx on billing_sync_items (arrow_line_reference collate "C");
drop index billing_sync_items_line_reference_idx;

-- The lines a page of Arrow's export met before, by their references, as a sync needs them to tell an unchanged
-- line: one index scan for the whole page, which PostgreSQL 17 and later walk once in key order instead of descending
-- once per reference. Seq scans are off inside the function only: a month written and not analysed yet would
-- otherwise be read whole for every page, the planner having no statistics to tell how few lines a page names (D73).
create function billing_known_lines(refs text[])
    returns table (id bigint, billing_sync_id bigint, arrow_line_reference text, removed boolean, content_hash uuid,
                   lost_its_item boolean)
    language sql stable
    set enable_seqscan = off
as $$
    select t.id, t.billing_sync_id, t.arrow_line_reference, t.removed, t.content_hash,
           t.billed_via = 'invoice' and t.invoice_item_id is null
    from billing_sync_items t
    where t.arrow_line_reference collate "C" = any (refs)
$$;
