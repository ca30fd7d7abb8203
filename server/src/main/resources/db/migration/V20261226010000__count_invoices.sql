-- D232: how many invoices, and items on them, each month holds per state, so the invoice list and the invoice-item
-- list count a month, a year, a state or everything from a few rows instead of reading every invoice (20,000 a month at
-- 20,000 customers, and as many more for each month kept). The rows are deltas, as the sync counts are (D231), folded
-- after each billing run that wrote lines. An invoice's own item count (D65) is kept on its row by the items' triggers;
-- those updates move its month's items here too, through the update trigger below, so the items' triggers are left as
-- they are. An invoice deleted takes its items with it (its row holds how many); its items, deleted by cascade once the
-- row is gone, then update no invoice and move nothing here. A restore loads the rows as they were backed up (the
-- triggers off), or, from a backup older than this, this migration fills them.
create table invoice_counts (
    year     int    not null,
    month    int    not null,
    state    text   not null,
    invoices bigint not null,
    items    bigint not null
);

insert into invoice_counts (year, month, state, invoices, items)
select year, month, state, count(*), sum(items) from invoices group by 1, 2, 3;

-- One grouped insert a statement: invoices added or deleted, or a state, month or item count moved. An update that
-- moves none of them (a customer's new name, a modified time) adds nothing.
create function count_invoices() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into invoice_counts (year, month, state, invoices, items)
        select year, month, state, count(*), sum(items) from added group by 1, 2, 3;
    elsif tg_op = 'DELETE' then
        insert into invoice_counts (year, month, state, invoices, items)
        select year, month, state, -count(*), -sum(items) from removed group by 1, 2, 3;
    else
        insert into invoice_counts (year, month, state, invoices, items)
        select k.year, k.month, k.state, sum(k.invoices), sum(k.items)
        from removed o join added n on n.id = o.id
        cross join lateral (values (o.year, o.month, o.state, -1, -o.items),
                                   (n.year, n.month, n.state, 1, n.items)) k (year, month, state, invoices, items)
        where o.state <> n.state or o.items <> n.items or o.year <> n.year or o.month <> n.month
        group by 1, 2, 3 having sum(k.invoices) <> 0 or sum(k.items) <> 0;
    end if;
    return null;
end
$$;

create trigger invoices_counted_in after insert on invoices
    referencing new table as added for each statement execute function count_invoices();
create trigger invoices_counted_out after delete on invoices
    referencing old table as removed for each statement execute function count_invoices();
create trigger invoices_recounted after update on invoices
    referencing old table as removed new table as added for each statement execute function count_invoices();
