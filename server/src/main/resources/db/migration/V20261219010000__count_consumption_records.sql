-- D145: how many consumption records each month holds, finalised or not and reconciled or not, so the list counts a
-- month, or its finalised or reconciled records, from a few rows instead of reading the month's records (D135, D137).
-- The rows are deltas, as the sync items' month counts are (D143): a record added, deleted, finalised, reconciled or
-- reopened adds rows (a statement's records added or deleted one for each month and state, a record changing state one
-- for what it was and one for what it is), and the deltas are folded into one row each after consumption and
-- finalisation runs. A change of state is counted by a row trigger that fires only on the change: finalisation and
-- reconciliation update a record a statement, and a consumption run upserts each record every hour.
create table consumption_record_counts (
    billing_period date    not null,
    finalized      boolean not null,
    reconciled     boolean not null,
    records        bigint  not null
);
create index consumption_record_counts_period_idx on consumption_record_counts (billing_period);

insert into consumption_record_counts (billing_period, finalized, reconciled, records)
select billing_period, finalized_at is not null, reconciled_at is not null, count(*)
from consumption_records group by 1, 2, 3;

-- A statement's records added or deleted, grouped by month and state: one delta row for each group.
create function count_consumption_records() returns trigger language plpgsql as $$
begin
    insert into consumption_record_counts (billing_period, finalized, reconciled, records)
    select billing_period, finalized_at is not null, reconciled_at is not null,
           case tg_op when 'INSERT' then count(*) else -count(*) end
    from changed group by 1, 2, 3;
    return null;
end
$$;

create trigger consumption_records_counted_in after insert on consumption_records
    referencing new table as changed for each statement execute function count_consumption_records();
create trigger consumption_records_counted_out after delete on consumption_records
    referencing old table as changed for each statement execute function count_consumption_records();

-- A record that changes month or state: a delta row for what it was and one for what it is.
create function recount_consumption_record() returns trigger language plpgsql as $$
begin
    insert into consumption_record_counts (billing_period, finalized, reconciled, records)
    values (old.billing_period, old.finalized_at is not null, old.reconciled_at is not null, -1),
           (new.billing_period, new.finalized_at is not null, new.reconciled_at is not null, 1);
    return null;
end
$$;

create trigger consumption_records_recounted after update of billing_period, finalized_at, reconciled_at
    on consumption_records
    for each row when (old.billing_period is distinct from new.billing_period
                       or (old.finalized_at is null) <> (new.finalized_at is null)
                       or (old.reconciled_at is null) <> (new.reconciled_at is null))
    execute function recount_consumption_record();
