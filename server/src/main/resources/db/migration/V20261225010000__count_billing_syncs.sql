-- D231: how many syncs each month holds per state and Arrow's state, so the sync list counts its syncs, a month's, or
-- those of a state, from a few rows instead of reading every sync (40,000 a month at 20,000 customers, 5-6 ms a
-- request, and as many more for each month kept). The rows are deltas, as the month item counts are (D143): each
-- statement that adds, deletes or changes the state of syncs adds a row per month and state it moved, so concurrent
-- runs never wait on a shared counter, and the deltas are folded into one row each after a run (TableMaintenance). A
-- sync's month never changes (D143), so the month a sync is counted under is its own. A restore loads the rows as they
-- were backed up (the triggers off), or, from a backup older than this, this migration fills them.
create table billing_sync_counts (
    report_period text     not null,
    state         smallint not null,
    arrow_state   text     not null,
    syncs         bigint   not null
);

insert into billing_sync_counts (report_period, state, arrow_state, syncs)
select report_period, state, arrow_state, count(*) from billing_syncs group by 1, 2, 3;

-- One grouped insert a statement, whatever it writes: a run's page of syncs, a cascade from a deleted mapping or
-- settings record (which carries the syncs' own rows, so no join to what is already gone), a state moved. An update
-- that changes no state adds nothing.
create function count_billing_syncs() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into billing_sync_counts (report_period, state, arrow_state, syncs)
        select report_period, state, arrow_state, count(*) from added group by 1, 2, 3;
    elsif tg_op = 'DELETE' then
        insert into billing_sync_counts (report_period, state, arrow_state, syncs)
        select report_period, state, arrow_state, -count(*) from removed group by 1, 2, 3;
    else
        insert into billing_sync_counts (report_period, state, arrow_state, syncs)
        select k.report_period, k.state, k.arrow_state, sum(k.syncs)
        from removed o join added n on n.id = o.id
        cross join lateral (values (o.report_period, o.state, o.arrow_state, -1),
                                   (n.report_period, n.state, n.arrow_state, 1)) k (report_period, state, arrow_state, syncs)
        where o.state <> n.state or o.arrow_state <> n.arrow_state
        group by 1, 2, 3 having sum(k.syncs) <> 0;
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
