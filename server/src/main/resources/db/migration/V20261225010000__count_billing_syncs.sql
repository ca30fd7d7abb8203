-- D231: how many syncs each settings record's month holds per state and Arrow's state, so the sync list counts its
-- syncs, an Arrow account's, a month's or those of a state from a few rows instead of reading every sync (40,000 a
-- month at 20,000 customers: 5-6 ms a request, 20 ms through the mappings for an account's, and as many more for each
-- month kept). The rows are deltas, as the month item counts are (D143): each statement that adds, deletes or moves
-- syncs adds a row per key it moved, so concurrent runs never wait on a shared counter, and the deltas are folded into
-- one row each after a run (TableMaintenance). A sync's month never changes (D143). Its settings record is its
-- mapping's, and both can move: a sync to another mapping (D123), a mapping to another settings record; each move
-- moves the counts. A restore loads the rows as they were backed up (the triggers off), or, from a backup older than
-- this, this migration fills them.
create table billing_sync_counts (
    report_period text     not null,
    settings_id   bigint   not null,
    state         smallint not null,
    arrow_state   text     not null,
    syncs         bigint   not null
);

insert into billing_sync_counts (report_period, settings_id, state, arrow_state, syncs)
select b.report_period, m.settings_id, b.state, b.arrow_state, count(*)
from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id group by 1, 2, 3, 4;

-- One grouped insert a statement: syncs added or deleted, or moved to another state or mapping; an update that moves
-- none (totals, an error message, an invoice gone) adds nothing. Each row is counted under its mapping's settings
-- record, read after the mappings are locked against a move to another record or a delete (key share: the lock an
-- insert's foreign key check takes; a move or a delete of the mapping waits for this transaction, and one in flight is
-- waited for and then read as it committed). Syncs deleted by cascade from their mapping find it gone and move nothing:
-- the mapping took their counts as it went (below), as a deleted sync takes its items' (D143).
create function count_billing_syncs() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into billing_sync_counts (report_period, settings_id, state, arrow_state, syncs)
        select b.report_period, m.settings_id, b.state, b.arrow_state, count(*)
        from added b join customer_mappings m on m.id = b.customer_mapping_id group by 1, 2, 3, 4;
    elsif tg_op = 'DELETE' then
        perform from customer_mappings where id in (select customer_mapping_id from removed) order by id for key share;
        insert into billing_sync_counts (report_period, settings_id, state, arrow_state, syncs)
        select b.report_period, m.settings_id, b.state, b.arrow_state, -count(*)
        from removed b join customer_mappings m on m.id = b.customer_mapping_id group by 1, 2, 3, 4;
    else
        perform from customer_mappings
        where id in (select unnest(array[o.customer_mapping_id, n.customer_mapping_id])
                     from removed o join added n on n.id = o.id
                     where o.state <> n.state or o.arrow_state <> n.arrow_state
                           or o.customer_mapping_id <> n.customer_mapping_id)
        order by id for key share;
        insert into billing_sync_counts (report_period, settings_id, state, arrow_state, syncs)
        select k.report_period, k.settings_id, k.state, k.arrow_state, sum(k.syncs)
        from removed o join added n on n.id = o.id
        join customer_mappings mo on mo.id = o.customer_mapping_id
        join customer_mappings mn on mn.id = n.customer_mapping_id
        cross join lateral (values (o.report_period, mo.settings_id, o.state, o.arrow_state, -1),
                                   (n.report_period, mn.settings_id, n.state, n.arrow_state, 1))
                           k (report_period, settings_id, state, arrow_state, syncs)
        where o.state <> n.state or o.arrow_state <> n.arrow_state or o.customer_mapping_id <> n.customer_mapping_id
        group by 1, 2, 3, 4 having sum(k.syncs) <> 0;
    end if;
    return null;
end
$$;

create trigger billing_syncs_counted_in after insert on billing_syncs
    referencing new table as added for each statement execute function count_billing_syncs();
create trigger billing_syncs_counted_out after delete on billing_syncs
    referencing old table as removed for each statement execute function count_billing_syncs();
create trigger billing_syncs_recounted after update on billing_syncs
    referencing old table as removed new table as added for each statement execute function count_billing_syncs();

-- A mapping's syncs, counted under its settings record: taken out before it is deleted (its syncs then go by cascade),
-- moved with it to another record, in one statement that reads them once.
create function count_mapping_syncs() returns trigger language plpgsql as $$
begin
    insert into billing_sync_counts (report_period, settings_id, state, arrow_state, syncs)
    select b.report_period, k.settings_id, b.state, b.arrow_state, sum(k.syncs)
    from billing_syncs b
    cross join lateral (select old.settings_id, -1 union all select new.settings_id, 1 where tg_op = 'UPDATE')
                       k (settings_id, syncs)
    where b.customer_mapping_id = old.id
    group by 1, 2, 3, 4;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return null;
end
$$;

create trigger customer_mapping_syncs_uncounted before delete on customer_mappings
    for each row execute function count_mapping_syncs();
create trigger customer_mapping_syncs_moved after update of settings_id on customer_mappings
    for each row when (old.settings_id <> new.settings_id) execute function count_mapping_syncs();
