-- A billing sync is written at least twice: created when its first line is met, saved with its totals when the run
-- ends, and saved again by every run that changes its lines or finds it validated. Half of each page is left free, so
-- saving a sync rewrites it within its page (a heap-only update) instead of adding an entry to each of its indexes: on
-- 40,000 syncs (a month of a million lines) the save took 0.16 s instead of 0.79 s (D72).
alter table billing_syncs set (fillfactor = 50);

-- The list order index, report_period first, finds a month's syncs as well: one index fewer to write per sync.
drop index billing_syncs_period_idx;
