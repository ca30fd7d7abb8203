-- D137: the consumption-record list filtered by is_finalized or is_reconciled counts its records from the period's
-- index alone (D135), which now carries the two timestamps those filters read. Built before the index it replaces
-- goes, then given its name.
create index consumption_records_period_states_idx on consumption_records (billing_period)
    include (finalized_at, reconciled_at);
drop index consumption_records_period_idx;
alter index consumption_records_period_states_idx rename to consumption_records_period_idx;
