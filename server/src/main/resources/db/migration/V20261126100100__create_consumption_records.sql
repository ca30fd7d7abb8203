-- Provisional consumption per resource, month and license, finalised against the billing export.
create table consumption_records (
    id                   bigserial primary key,
    uuid                 uuid           not null unique,
    resource_id          bigint         not null references resources (id) on delete cascade,
    license_reference    text           not null,
    billing_period       date           not null,
    consumed_sell        numeric(22, 10) not null default 0,
    consumed_buy         numeric(22, 10) not null default 0,
    final_sell           numeric(22, 10),
    final_buy            numeric(22, 10),
    invoice_item_id      bigint references invoice_items (id) on delete set null,
    compensation_item_id bigint references invoice_items (id) on delete set null,
    compensated          numeric(22, 10) not null default 0,
    last_sync_at         timestamptz,
    finalized_at         timestamptz,
    reconciled_at        timestamptz,
    raw_data             jsonb          not null default '{}',
    created              timestamptz    not null,
    modified             timestamptz    not null,
    unique (resource_id, billing_period, license_reference)
);
create index consumption_records_period_idx on consumption_records (billing_period);
create index consumption_records_license_idx on consumption_records (license_reference, billing_period);

-- The global pause switch of the periodic consumption work (pause_sync / resume_sync with pause_global).
create table runtime_flags (
    name  text primary key,
    value boolean not null
);
insert into runtime_flags (name, value) values ('consumption_sync_enabled', true);
