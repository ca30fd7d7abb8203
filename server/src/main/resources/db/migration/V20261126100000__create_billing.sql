-- Billing syncs: one per Arrow statement and customer mapping; one item per Arrow billing line.
create table billing_syncs (
    id                  bigserial primary key,
    uuid                uuid           not null unique,
    customer_mapping_id bigint         not null references customer_mappings (id) on delete cascade,
    statement_reference text           not null,
    report_period       text           not null,
    arrow_state         text           not null default 'pending',
    state               smallint       not null default 1 check (state between 1 and 4),
    buy_total           numeric(22, 10) not null default 0,
    sell_total          numeric(22, 10) not null default 0,
    currency            text           not null default 'EUR',
    invoice_id          bigint references invoices (id) on delete set null,
    error_message       text           not null default '',
    line_errors         int            not null default 0,
    lines_validated     boolean        not null default false,
    synced_at           timestamptz,
    validated_at        timestamptz,
    reconciled_at       timestamptz,
    created             timestamptz    not null,
    modified            timestamptz    not null,
    unique (customer_mapping_id, statement_reference)
);
create index billing_syncs_period_idx on billing_syncs (report_period);

-- billed_via: 'invoice' (this line has its own invoice item), 'consumption' (the license-month is billed by
-- consumption tracking, D2), 'zero' (nothing to bill). original_price is the first amount seen, current_price the
-- latest, invoiced what the line's own invoice item bills now, compensated the sum of its corrections (D4).
create table billing_sync_items (
    id                   bigserial primary key,
    uuid                 uuid           not null unique,
    billing_sync_id      bigint         not null references billing_syncs (id) on delete cascade,
    arrow_line_reference text           not null,
    invoice_item_id      bigint references invoice_items (id) on delete set null,
    billed_via           text           not null check (billed_via in ('invoice', 'consumption', 'zero')),
    original_price       numeric(22, 10) not null default 0,
    current_price        numeric(22, 10) not null default 0,
    invoiced             numeric(22, 10) not null default 0,
    compensated          numeric(22, 10) not null default 0,
    compensation_item_id bigint references invoice_items (id) on delete set null,
    sell                 numeric(22, 10) not null default 0,
    buy                  numeric(22, 10) not null default 0,
    quantity             numeric(22, 10) not null default 1,
    currency             text           not null default 'EUR',
    vendor_name          text           not null default '',
    subscription_reference text         not null default '',
    license_reference    text           not null default '',
    classification       text           not null default '',
    description          text           not null default '',
    removed              boolean        not null default false,
    created              timestamptz    not null,
    modified             timestamptz    not null,
    unique (billing_sync_id, arrow_line_reference)
);
create index billing_sync_items_license_idx on billing_sync_items (license_reference);

-- Which path invoices a license's month (D2): the first path to bill it claims it; the other only records.
create table license_billing (
    license_reference text not null,
    period            text not null,
    billed_by         text not null check (billed_by in ('billing', 'consumption')),
    primary key (license_reference, period)
);
