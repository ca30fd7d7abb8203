-- D259: a run limited to one license reads that license's lines alone; the schedule's catch-up (D249) asks whether a
-- run read the whole month after its grace, so a run says which license it was limited to (null: the whole month).
alter table billing_sync_runs add column license_reference text;
