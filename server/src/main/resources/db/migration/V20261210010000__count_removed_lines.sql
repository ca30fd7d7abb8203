-- D104: a re-sync compares the lines it saw with those its month's open syncs had present as it began: their items
-- kept by D65 less the removed ones, which are few and counted through this index. Both counts hold only while an item
-- stays in the sync it was written to, as every writer does: an update that would move one is refused.
create index billing_sync_items_removed_idx on billing_sync_items (billing_sync_id) where removed;

create function refuse_moving_billing_sync_items() returns trigger language plpgsql as $$
begin
    raise exception 'billing sync item % cannot move to another sync (D65, D104)', old.id;
end
$$;

create trigger billing_sync_items_stay_in_their_sync before update of billing_sync_id on billing_sync_items
    for each row when (old.billing_sync_id is distinct from new.billing_sync_id)
    execute function refuse_moving_billing_sync_items();
