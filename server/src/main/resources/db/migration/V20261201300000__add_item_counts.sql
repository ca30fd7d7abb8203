-- How many items each billing sync holds per vendor and classification, and each invoice holds: the item lists' exact
-- X-Result-Count without counting a month's items on every request (D65). Statement triggers keep them, so every
-- statement that adds or deletes items keeps them too, whatever writes it (a page of a thousand items costs one grouped
-- upsert). Items never move to another sync or invoice, and their vendor and classification never change. A restore
-- loads the counts as they were, with the triggers off.
create table billing_sync_item_counts (
    billing_sync_id bigint not null references billing_syncs (id) on delete cascade,
    vendor_name     text   not null,
    classification  text   not null,
    items           bigint not null,
    primary key (billing_sync_id, vendor_name, classification)
);

insert into billing_sync_item_counts (billing_sync_id, vendor_name, classification, items)
select billing_sync_id, vendor_name, classification, count(*) from billing_sync_items group by 1, 2, 3;

alter table invoices add column items bigint not null default 0;

update invoices i set items = x.items
from (select invoice_id, count(*) as items from invoice_items group by invoice_id) x
where x.invoice_id = i.id;

-- The rows a statement added or deleted are its transition table "changed". Deleted items only lower counts that are
-- still there: a sync deleted takes its counts with it.
create function count_billing_sync_items() returns trigger language plpgsql as $$
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
    return null;
end
$$;

create function count_invoice_items() returns trigger language plpgsql as $$
begin
    update invoices i set items = i.items + case tg_op when 'INSERT' then c.items else -c.items end
    from (select invoice_id, count(*) as items from changed group by 1) c
    where i.id = c.invoice_id;
    return null;
end
$$;

create trigger billing_sync_items_counted_in after insert on billing_sync_items referencing new table as changed
    for each statement execute function count_billing_sync_items();
create trigger billing_sync_items_counted_out after delete on billing_sync_items referencing old table as changed
    for each statement execute function count_billing_sync_items();
create trigger invoice_items_counted_in after insert on invoice_items referencing new table as changed
    for each statement execute function count_invoice_items();
create trigger invoice_items_counted_out after delete on invoice_items referencing old table as changed
    for each statement execute function count_invoice_items();
