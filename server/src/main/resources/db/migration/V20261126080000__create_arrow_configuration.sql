-- Arrow connection settings and the operator's mappings of Arrow customers and vendors.
create table arrow_settings (
    id                    bigserial primary key,
    uuid                  uuid        not null unique,
    api_url               text        not null,
    api_key               text        not null,
    export_type_reference text        not null default '',
    classification_filter text        not null default 'IAAS',
    is_active             boolean     not null default true,
    sync_enabled          boolean     not null default false,
    partner_reference     text        not null default '',
    partner_name          text        not null default '',
    invoice_price_source  text        not null default 'sell' check (invoice_price_source in ('sell', 'buy')),
    invoice_item_prefix   text        not null default 'Arrow consumption',
    created               timestamptz not null,
    modified              timestamptz not null
);
-- At most one active settings record (D18).
create unique index arrow_settings_one_active on arrow_settings ((true)) where is_active;

create table customer_mappings (
    id                 bigserial primary key,
    uuid               uuid        not null unique,
    settings_id        bigint      not null references arrow_settings (id) on delete cascade,
    arrow_reference    text        not null,
    arrow_company_name text        not null default '',
    customer_id        bigint      not null references customers (id) on delete cascade,
    is_active          boolean     not null default true,
    created            timestamptz not null,
    modified           timestamptz not null,
    unique (settings_id, arrow_reference)
);
create index customer_mappings_customer_idx on customer_mappings (customer_id);

create table vendor_offering_mappings (
    id                bigserial primary key,
    uuid              uuid        not null unique,
    settings_id       bigint      not null references arrow_settings (id) on delete cascade,
    arrow_vendor_name text        not null,
    offering_id       bigint      not null references offerings (id) on delete cascade,
    plan_id           bigint references plans (id) on delete set null,
    is_active         boolean     not null default true,
    created           timestamptz not null,
    modified          timestamptz not null,
    unique (settings_id, arrow_vendor_name)
);
