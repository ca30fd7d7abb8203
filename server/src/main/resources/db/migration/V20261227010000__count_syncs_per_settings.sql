-- D233: the sync counts (D231) are kept per settings record too, so the sync list filtered by `settings_uuid` (an
-- Arrow account's syncs, as Waldur's pages ask for them) sums a few rows as well, instead of reading every sync through
-- its mapping (20 ms a page at a million lines). A sync's settings record is its mapping's, and both can move: a
-- sync to another mapping (D123), a mapping to another settings record; each move moves the counts. A mapping deleted
-- takes its syncs' counts before its syncs go by cascade, whose statement then finds no mapping and moves nothing,
-- as a deleted sync does for its items (D143). A restore loads the rows as they were backed up (the triggers off), or,
-- from a backup older than this, this migration fills them.
truncate billing_sync_counts;
alter table billing_sync_counts add column settings_id bigint not null;

insert into billing_sync_counts (report_period, settings_id, state, arrow_state, syncs)
select b.report_period, m.settings_id, b.state, b.arrow_state, count(*)
from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id group by 1, 2, 3, 4;

create or replace function count_billing_syncs() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into billing_sync_counts (report_period, settings_id, state, arrow_state, syncs)
        select b.report_period, m.settings_id, b.state, b.arrow_state, count(*)
        from added b join customer_mappings m on m.id = b.customer_mapping_id group by 1, 2, 3, 4;
    elsif tg_op = 'DELETE' then
        insert into billing_sync_counts (report_period, settings_id, state, arrow_state, syncs)
        select b.report_period, m.settings_id, b.state, b.arrow_state, -count(*)
        from removed b join customer_mappings m on m.id = b.customer_mapping_id group by 1, 2, 3, 4;
    else
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

-- A mapping's syncs, counted under its settings record: taken out as it goes (before its syncs do), moved with it.
create function count_mapping_syncs() returns trigger language plpgsql as $$
begin
    insert into billing_sync_counts (report_period, settings_id, state, arrow_state, syncs)
    select b.report_period, old.settings_id, b.state, b.arrow_state, -count(*)
    from billing_syncs b where b.customer_mapping_id = old.id group by 1, 3, 4;
    if tg_op = 'UPDATE' then
        insert into billing_sync_counts (report_period, settings_id, state, arrow_state, syncs)
        select b.report_period, new.settings_id, b.state, b.arrow_state, count(*)
        from billing_syncs b where b.customer_mapping_id = new.id group by 1, 3, 4;
        return null;
    end if;
    return old;
end
$$;

create trigger customer_mapping_syncs_uncounted before delete on customer_mappings
    for each row execute function count_mapping_syncs();
create trigger customer_mapping_syncs_moved after update of settings_id on customer_mappings
    for each row when (old.settings_id <> new.settings_id) execute function count_mapping_syncs();
