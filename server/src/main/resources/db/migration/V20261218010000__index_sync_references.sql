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

-- A statement's items mark their syncs' text not built. The upsert locks those rows until the transaction ends, rows
-- already null too, so a build cannot take them meanwhile.
create function unbuild_sync_references() returns trigger language plpgsql as $$
begin
    insert into billing_sync_references as r (billing_sync_id)
    select distinct billing_sync_id from changed
    on conflict (billing_sync_id) do update set subscription_references = null, line_references = null
    where r.line_references is not null;
    return null;
end
$$;

create trigger billing_sync_items_unbuild_references after insert on billing_sync_items
    referencing new table as changed for each statement execute function unbuild_sync_references();

-- The text holds only while an item keeps its references, which nothing changes once written.
create trigger billing_sync_items_keep_their_references
    before update of subscription_reference, arrow_line_reference on billing_sync_items
    for each row when (old.subscription_reference is distinct from new.subscription_reference
                       or old.arrow_line_reference is distinct from new.arrow_line_reference)
    execute function refuse_recounting('billing sync item', 'cannot change its references (D144)');
