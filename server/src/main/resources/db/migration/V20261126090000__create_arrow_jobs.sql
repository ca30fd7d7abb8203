-- Queued work as operators see it (kind, parameters, state, progress, errors); db-scheduler's queue runs it.
create table arrow_jobs (
    id            bigserial primary key,
    uuid          uuid        not null unique,
    kind          text        not null,
    settings_id   bigint references arrow_settings (id) on delete set null,
    period        text,
    coalesce_key  text        not null,
    parameters    jsonb       not null default '{}',
    state         text        not null default 'queued' check (state in ('queued', 'running', 'succeeded', 'failed')),
    attempts      int         not null default 0,
    progress      jsonb       not null default '{}',
    result        jsonb       not null default '{}',
    errors        jsonb       not null default '[]',
    error_message text        not null default '',
    triggered_by  text        not null,
    created       timestamptz not null,
    started       timestamptz,
    finished      timestamptz
);
-- At most one queued or running job per (settings, kind, period, scope): a second trigger joins the first (D15).
create unique index arrow_jobs_one_active on arrow_jobs (coalesce_key) where state in ('queued', 'running');
create index arrow_jobs_created_idx on arrow_jobs (created desc);
