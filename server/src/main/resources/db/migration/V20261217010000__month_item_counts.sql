-- D143: how many items each month holds per vendor and classification, so the sync-item list counts a month (or every
-- month, or a vendor or classification across them) from a few rows instead of summing every sync's kept counts (D65):
-- 60,000 of them in a month of 20,000 customers, 25-40 ms a request. The rows are deltas: each statement that adds or
-- deletes items adds a row per month, vendor and classification, so concurrent runs of one month (two Arrow accounts)
-- never wait on a shared counter; table maintenance after a large run folds a month's deltas into one row each. A
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

-- A sync's month comes from its row. Deleting a sync subtracts its items from its month before they go (below): the
-- cascade that deletes them runs once the sync's row is gone, so its statements find no sync and add no delta of
-- their own.
create or replace function count_billing_sync_items() returns trigger language plpgsql as $$
declare
    sign constant int := case tg_op when 'INSERT' then 1 else -1 end;
begin
    if tg_op = 'INSERT' then
        insert into billing_sync_item_counts as k (billing_sync_id, vendor_name, classification, items)
        select billing_sync_id, vendor_name, classification, count(*) from changed group by 1, 2, 3
        on conflict (billing_sync_id, vendor_name, classification) do update set items = k.items + excluded.items;
    else
        update billing_sync_item_counts k set items = k.items - c.items
        from (select billing_sync_id, vendor_name, classification, count(*) as items from changed group by 1, 2, 3) c
        where (k.billing_sync_id, k.vendor_name, k.classification) = (c.billing_sync_id, c.vendor_name, c.classification);
    end if;
    insert into billing_month_item_counts (report_period, vendor_name, classification, items)
    select b.report_period, c.vendor_name, c.classification, sign * sum(c.items)
    from (select billing_sync_id, vendor_name, classification, count(*) as items from changed group by 1, 2, 3) c
    join billing_syncs b on b.id = c.billing_sync_id group by 1, 2, 3;
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
-- (D104). Statements that do not set these columns do not fire the triggers.
create function refuse_recounting_billing_sync() returns trigger language plpgsql as $$
begin
    raise exception 'billing sync % cannot change its month (D143)', old.id;
end
$$;

create trigger billing_syncs_keep_their_month before update of report_period on billing_syncs
    for each row when (old.report_period is distinct from new.report_period)
    execute function refuse_recounting_billing_sync();

create function refuse_recounting_billing_sync_item() returns trigger language plpgsql as $$
begin
    raise exception 'billing sync item % cannot change its vendor or classification (D65, D143)', old.id;
end
$$;

create trigger billing_sync_items_keep_their_vendor before update of vendor_name, classification on billing_sync_items
    for each row when (old.vendor_name is distinct from new.vendor_name or old.classification is distinct from new.classification)
    execute function refuse_recounting_billing_sync_item();
