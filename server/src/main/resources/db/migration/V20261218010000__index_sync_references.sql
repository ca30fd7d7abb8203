-- D144: the sync-item list's substring filters on subscription and line references find their syncs through a trigram
-- index of each sync's references, built after the run that wrote them, so no line's first insert pays for it (D66).
-- A sync's row holds its distinct subscription references and its line references, one a line; both null while the
-- sync's newest items are not in them yet. A search reads the items of the syncs whose text matches and of the syncs
-- not indexed yet, and still tests each item. Text built before items were deleted only finds more syncs, which the
-- test on each item leaves out; text missing an added item would miss it, so adding items sets their sync's text to
-- null in the same transaction, and the build locks the rows it builds (D144).
create table billing_sync_references (
    billing_sync_id         bigint primary key references billing_syncs (id) on delete cascade,
    subscription_references text,
    line_references         text
);

insert into billing_sync_references (billing_sync_id, subscription_references, line_references)
select billing_sync_id, coalesce(string_agg(distinct subscription_reference, e'\n'), ''),
       string_agg(arrow_line_reference, e'\n')
from billing_sync_items group by billing_sync_id;

create index billing_sync_references_trgm_idx on billing_sync_references
    using gin (subscription_references gin_trgm_ops, line_references gin_trgm_ops);
create index billing_sync_references_unbuilt_idx on billing_sync_references (billing_sync_id)
    where line_references is null;

-- The count trigger (D65, D143) also marks the syncs of the items a statement adds as not indexed. The upsert locks
-- their rows until the transaction ends, even those already marked, so a build cannot take them meanwhile.
create or replace function count_billing_sync_items() returns trigger language plpgsql as $$
begin
    with changes as (
        select g.billing_sync_id, b.report_period, g.vendor_name, g.classification, g.items
        from (select billing_sync_id, vendor_name, classification,
                     case tg_op when 'INSERT' then count(*) else -count(*) end as items
              from changed group by 1, 2, 3) g
        join billing_syncs b on b.id = g.billing_sync_id),
    synced as (
        insert into billing_sync_item_counts as k (billing_sync_id, vendor_name, classification, items)
        select billing_sync_id, vendor_name, classification, items from changes
        on conflict (billing_sync_id, vendor_name, classification) do update set items = k.items + excluded.items),
    unindexed as (
        insert into billing_sync_references as r (billing_sync_id)
        select distinct billing_sync_id from changes where items > 0
        on conflict (billing_sync_id) do update set subscription_references = null, line_references = null
        where r.line_references is not null)
    insert into billing_month_item_counts (report_period, vendor_name, classification, items)
    select report_period, vendor_name, classification, sum(items) from changes group by 1, 2, 3;
    return null;
end
$$;

-- The text holds only while an item keeps its references, which nothing changes once written.
create trigger billing_sync_items_keep_their_references
    before update of subscription_reference, arrow_line_reference on billing_sync_items
    for each row when (old.subscription_reference is distinct from new.subscription_reference
                       or old.arrow_line_reference is distinct from new.arrow_line_reference)
    execute function refuse_recounting('billing sync item', 'cannot change its references (D144)');
