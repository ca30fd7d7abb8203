-- What a month's pages show without reading every line: per billing sync, its lines still present, Arrow's latest
-- amount of them (the settings' price source, final once reconciled) and what they bill through their own invoice
-- items and compensations (kept by every sync and reconciliation run), and per settings record and month the vendors of
-- its lines with their amounts (replaced by every full sync run).
alter table billing_syncs add column lines int not null default 0;
alter table billing_syncs add column arrow_amount numeric(22, 10) not null default 0;
alter table billing_syncs add column billed numeric(22, 10) not null default 0;

update billing_syncs b set lines = x.lines, arrow_amount = x.arrow_amount, billed = x.billed
from (select billing_sync_id, count(*) filter (where not removed) as lines,
             coalesce(sum(current_price) filter (where not removed), 0) as arrow_amount,
             coalesce(sum(invoiced + compensated) filter (where billed_via <> 'consumption'), 0) as billed
      from billing_sync_items group by billing_sync_id) x
where x.billing_sync_id = b.id;

create table billing_vendor_totals (
    id            bigserial primary key,
    settings_id   bigint          not null references arrow_settings (id) on delete cascade,
    report_period text            not null,
    vendor_name   text            not null,
    lines         int             not null,
    amount        numeric(22, 10) not null
);
create index billing_vendor_totals_month_idx on billing_vendor_totals (settings_id, report_period);
