-- The audit entry that queued a job: a request's, or the one a schedule wrote when it queued the job.
alter table arrow_jobs add column audit_entry uuid;
-- The latest run of each settings record and kind (health details, metrics) without reading every job.
create index arrow_jobs_latest_idx on arrow_jobs (settings_id, kind, finished desc) where state in ('succeeded', 'failed');
