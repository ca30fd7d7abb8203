-- The operator's side of the books: Waldur-shaped customers, projects, offerings, resources and invoices.
create table customers (
    id           bigserial primary key,
    uuid         uuid        not null unique,
    name         text        not null,
    abbreviation text        not null default '',
    email        text        not null default '',
    address      text        not null default '',
    postal       text        not null default '',
    country      text        not null default '',
    created      timestamptz not null,
    modified     timestamptz not null
);

create table projects (
    id          bigserial primary key,
    uuid        uuid        not null unique,
    customer_id bigint      not null references customers (id) on delete cascade,
    name        text        not null,
    description text        not null default '',
    created     timestamptz not null,
    modified    timestamptz not null
);
create index projects_customer_idx on projects (customer_id);

create table offerings (
    id       bigserial primary key,
    uuid     uuid        not null unique,
    name     text        not null,
    type     text        not null,
    state    text        not null,
    created  timestamptz not null,
    modified timestamptz not null
);

create table offering_components (
    id            bigserial primary key,
    offering_id   bigint not null references offerings (id) on delete cascade,
    type          text   not null,
    name          text   not null,
    billing_type  text   not null,
    measured_unit text   not null default '',
    unique (offering_id, type)
);

create table plans (
    id          bigserial primary key,
    uuid        uuid        not null unique,
    offering_id bigint      not null references offerings (id) on delete cascade,
    name        text        not null,
    created     timestamptz not null
);
create index plans_offering_idx on plans (offering_id);

create table resources (
    id             bigserial primary key,
    uuid           uuid        not null unique,
    name           text        not null,
    backend_id     text        not null default '',
    state          text        not null,
    offering_id    bigint      not null references offerings (id),
    project_id     bigint      not null references projects (id) on delete cascade,
    plan_id        bigint references plans (id) on delete set null,
    attributes     jsonb       not null default '{}',
    report         jsonb       not null default '[]',
    current_usages jsonb       not null default '{}',
    created        timestamptz not null,
    modified       timestamptz not null
);
create index resources_project_idx on resources (project_id);
create index resources_offering_backend_idx on resources (offering_id, backend_id);
create index resources_license_idx on resources ((attributes ->> 'arrow_license_reference'));

create table invoices (
    id          bigserial primary key,
    uuid        uuid        not null unique,
    customer_id bigint      not null references customers (id) on delete cascade,
    year        int         not null,
    month       int         not null check (month between 1 and 12),
    state       text        not null default 'pending' check (state in ('pending', 'created', 'paid', 'canceled')),
    created     timestamptz not null,
    modified    timestamptz not null,
    unique (customer_id, year, month)
);

create table invoice_items (
    id           bigserial primary key,
    uuid         uuid           not null unique,
    invoice_id   bigint         not null references invoices (id) on delete cascade,
    name         text           not null,
    unit_price   numeric(22, 10) not null,
    quantity     numeric(22, 10) not null default 1,
    unit         text           not null default 'quantity',
    currency     text           not null default 'EUR',
    start_date   date,
    end_date     date,
    resource_id  bigint references resources (id) on delete set null,
    project_id   bigint references projects (id) on delete set null,
    project_name text           not null default '',
    project_uuid uuid,
    resource_name text          not null default '',
    details      jsonb          not null default '{}',
    created      timestamptz    not null
);
create index invoice_items_invoice_idx on invoice_items (invoice_id);
create index invoice_items_resource_idx on invoice_items (resource_id);
