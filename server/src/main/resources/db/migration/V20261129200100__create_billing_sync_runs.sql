-- What each billing sync run changed, so operators see what the last sync did: one row per run of a settings record
-- and month, one row per billing sync the run changed (lines added, changed, removed; totals before and after). A line
-- remembers the run that last changed it and its amount before that change. A failed run rolls back and leaves none.
create table billing_sync_runs (
    id            bigserial primary key,
    settings_id   bigint      not null references arrow_settings (id) on delete cascade,
    report_period text        not null,
    finished      timestamptz not null,
    lines_seen    bigint      not null default 0
);
create index billing_sync_runs_month_idx on billing_sync_runs (settings_id, report_period, id);

create table billing_sync_changes (
    run_id          bigint          not null references billing_sync_runs (id) on delete cascade,
    billing_sync_id bigint          not null references billing_syncs (id) on delete cascade,
    lines_added     int             not null,
    lines_changed   int             not null,
    lines_removed   int             not null,
    sell_before     numeric(22, 10) not null,
    sell_after      numeric(22, 10) not null,
    buy_before      numeric(22, 10) not null,
    buy_after       numeric(22, 10) not null,
    primary key (run_id, billing_sync_id)
);

-- No foreign key on changed_in_run: the bulk insert of a large month would pay a lookup per line for it.
alter table billing_sync_items add column previous_price numeric(22, 10);
alter table billing_sync_items add column changed_in_run bigint;

-- Export lines no customer mapping claimed in the last full run of a month, per Arrow customer and currency: the money
-- left unbilled until the customer is mapped.
create table billing_unmatched_lines (
    id                 bigserial primary key,
    settings_id        bigint          not null references arrow_settings (id) on delete cascade,
    report_period      text            not null,
    customer_reference text            not null,
    company_name       text            not null,
    currency           text            not null,
    lines              int             not null,
    amount             numeric(22, 10) not null
);
create index billing_unmatched_lines_month_idx on billing_unmatched_lines (settings_id, report_period);
