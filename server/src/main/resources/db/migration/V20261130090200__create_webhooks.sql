-- Webhooks: where alerts go, which events, signed with a write-only secret (stored like API keys, D43).
create table webhooks (
    id          bigserial primary key,
    uuid        uuid        not null unique,
    url         text        not null,
    event_types text[]      not null,
    secret      text        not null,
    is_active   boolean     not null default true,
    description text        not null default '',
    created     timestamptz not null,
    modified    timestamptz not null
);

-- One delivery of one event to one webhook, retried with backoff for a day: its log (D42).
create table webhook_deliveries (
    id            bigserial primary key,
    uuid          uuid        not null unique,
    webhook_id    bigint      not null references webhooks (id) on delete cascade,
    event_id      uuid        not null,
    event_type    text        not null,
    payload       text        not null,
    state         text        not null default 'pending' check (state in ('pending', 'delivered', 'failed')),
    attempts      int         not null default 0,
    response_code int,
    last_error    text        not null default '',
    created       timestamptz not null,
    last_attempt  timestamptz,
    next_attempt  timestamptz,
    delivered     timestamptz
);
create index webhook_deliveries_webhook_idx on webhook_deliveries (webhook_id, created desc, id desc);

-- The delivery queue: db-scheduler's table layout, its own table and workers so that deliveries never take a job
-- worker (a slow receiver never delays a sync).
create table webhook_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index webhook_tasks_execution_time_idx on webhook_tasks (execution_time);
create index webhook_tasks_last_heartbeat_idx on webhook_tasks (last_heartbeat);
create index webhook_tasks_priority_execution_time_idx on webhook_tasks (priority desc, execution_time asc);
