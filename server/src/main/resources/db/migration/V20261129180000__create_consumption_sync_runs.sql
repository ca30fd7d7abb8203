-- When each settings record's consumption was last synced, whether or not the run found anything to record
-- (consumption_status.last_sync_run).
create table consumption_sync_runs (
    settings_id bigint      primary key references arrow_settings (id) on delete cascade,
    finished_at timestamptz not null
);
