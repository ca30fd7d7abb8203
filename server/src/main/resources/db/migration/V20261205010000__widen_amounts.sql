-- D79: an amount Arrow sends keeps at most 12 digits before the point (D75); what the ledger works out from it gets
-- room. A line's amounts (Arrow's, priced by a markup of up to 10,000 %, a unit price, a correction) keep 20 digits
-- before the point, and the totals that add up a sync's, a vendor's or a month's lines keep 28: no storable line, and
-- no sum of them, overflows its column. Only the precision grows (the scale stays 10), so PostgreSQL rewrites no table.
alter table invoice_items
    alter column unit_price type numeric(30, 10),
    alter column quantity type numeric(30, 10);

alter table billing_sync_items
    alter column original_price type numeric(30, 10),
    alter column current_price type numeric(30, 10),
    alter column previous_price type numeric(30, 10),
    alter column invoiced type numeric(30, 10),
    alter column compensated type numeric(30, 10),
    alter column sell type numeric(30, 10),
    alter column buy type numeric(30, 10),
    alter column quantity type numeric(30, 10);

alter table billing_syncs
    alter column arrow_amount type numeric(38, 10),
    alter column billed type numeric(38, 10),
    alter column sell_total type numeric(38, 10),
    alter column buy_total type numeric(38, 10);

alter table billing_sync_changes
    alter column sell_before type numeric(38, 10),
    alter column sell_after type numeric(38, 10),
    alter column buy_before type numeric(38, 10),
    alter column buy_after type numeric(38, 10);

alter table billing_unmatched_lines alter column amount type numeric(38, 10);

alter table billing_vendor_totals alter column amount type numeric(38, 10);

alter table consumption_records
    alter column consumed_sell type numeric(38, 10),
    alter column consumed_buy type numeric(38, 10),
    alter column final_sell type numeric(38, 10),
    alter column final_buy type numeric(38, 10),
    alter column compensated type numeric(38, 10);

-- A column whose type changes loses its planner statistics; the tables are sampled again at once.
analyze invoice_items, billing_sync_items, billing_syncs, billing_sync_changes, billing_unmatched_lines,
    billing_vendor_totals, consumption_records;
