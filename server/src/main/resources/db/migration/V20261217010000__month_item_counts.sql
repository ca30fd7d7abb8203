-- D143: how many items each month holds per vendor and classification, so the sync-item list counts a month (or every
-- month, or a vendor or classification across them) from a few rows instead of summing every sync's kept counts (D65):
-- 60,000 of them in a month of 20,000 customers, 25-40 ms a request. The rows are deltas: each statement that adds or
-- deletes items adds a row per month, vendor and classification, so concurrent runs of one month (two Arrow accounts)
-- never wait on a shared counter; after each run that wrote lines they are folded into one row each (D143). A
-- restore loads the rows as they were backed up (the triggers off), or, from a backup older than this, this migration
-- fills them.
create table billing_month_item_counts (
    report_period  text   not null,
    vendor_name    text   not null,
    classification text   not null,
    items          bigint not null
);
create index billing_month_item_counts_period_idx on billing_month_item_counts (report_period);

insert into billing_month_item_counts (report_period, vendor_name, classification, items)
select b.report_period, k.vendor_name, k.classification, sum(k.items)
from billing_sync_item_counts k join billing_syncs b on b.id = k.billing_sync_id
group by 1, 2, 3 having sum(k.items) <> 0;

-- A statement's items grouped once per sync, vendor and classification, with their sync's month, feed both counts.
-- Deleting a sync subtracts its items from its month before they go (below): the cascade that deletes them runs once
-- the sync's row is gone, so its statements find no sync and change neither count (the sync's counts go with it).
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
        on conflict (billing_sync_id, vendor_name, classification) do update set items = k.items + excluded.items)
    insert into billing_month_item_counts (report_period, vendor_name, classification, items)
    select report_period, vendor_name, classification, sum(items) from changes group by 1, 2, 3;
    return null;
end
$$;

create function uncount_billing_sync() returns trigger language plpgsql as $$
begin
    insert into billing_month_item_counts (report_period, vendor_name, classification, items)
    select old.report_period, k.vendor_name, k.classification, -sum(k.items)
    from billing_sync_item_counts k where k.billing_sync_id = old.id group by 1, 2, 3 having sum(k.items) <> 0;
    return old;
end
$$;

create trigger billing_sync_uncounted before delete on billing_syncs
    for each row execute function uncount_billing_sync();

-- The kept counts put an item under its sync's month and its own vendor and classification (D65), which nothing here
-- changes once written; a change would leave the counts wrong, so it is refused, as moving an item to another sync is
-- (D104), whose trigger now takes the same function. Statements that do not set these columns do not fire the
-- triggers. The arguments: what the row is, and what it cannot do.
create function refuse_recounting() returns trigger language plpgsql as $$
begin
    raise exception '% % %', tg_argv[0], old.id, tg_argv[1];
end
$$;

create trigger billing_syncs_keep_their_month before update of report_period on billing_syncs
    for each row when (old.report_period is distinct from new.report_period)
    execute function refuse_recounting('billing sync', 'cannot change its month (D143)');

create trigger billing_sync_items_keep_their_vendor before update of vendor_name, classification on billing_sync_items
    for each row when (old.vendor_name is distinct from new.vendor_name or old.classification is distinct from new.classification)
    execute function refuse_recounting('billing sync item', 'cannot change its vendor or classification (D65, D143)');

drop trigger billing_sync_items_stay_in_their_sync on billing_sync_items;
drop function refuse_moving_billing_sync_items();
create trigger billing_sync_items_stay_in_their_sync before update of billing_sync_id on billing_sync_items
    for each row when (old.billing_sync_id is distinct from new.billing_sync_id)
    execute function refuse_recounting('billing sync item', 'cannot move to another sync (D65, D104)');
