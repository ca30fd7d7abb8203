-- Price rules: what a line bills, from Arrow's sell or buy price plus a markup (negative: a discount), for a settings
-- record and a range of months, optionally only for one customer mapping's customer, one vendor and one classification.
-- The most specific rule that matches a line prices it; without one, the settings' invoice_price_source does.
create table price_rules (
    id                  bigserial primary key,
    uuid                uuid           not null unique,
    settings_id         bigint         not null references arrow_settings (id) on delete cascade,
    customer_mapping_id bigint references customer_mappings (id) on delete cascade,
    arrow_vendor_name   text,
    classification      text,
    base                text           not null check (base in ('sell', 'buy')),
    markup_percent      numeric(12, 4) not null,
    valid_from          date           not null,
    valid_to            date,
    note                text           not null default '',
    created             timestamptz    not null,
    modified            timestamptz    not null,
    check (valid_to is null or valid_to >= valid_from)
);
create index price_rules_settings_idx on price_rules (settings_id);
create index price_rules_customer_mapping_idx on price_rules (customer_mapping_id);
