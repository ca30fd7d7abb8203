-- D266: how many of a job's runs ended with their server lost under them (taken up again while still running); a job
-- lost in three runs is not run again.
alter table arrow_jobs add column lost_runs int not null default 0;
