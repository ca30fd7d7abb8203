-- D119: a license-month that consumption tracking bills and whose lines Arrow moved to a license the billing sync
-- bills. Finalisation books it at zero when Arrow lists none of its lines any more, instead of keeping its provisional
-- amount as for a license it cannot find (D96). Adding a column with a constant default rewrites no row.
alter table license_billing add column lines_moved_away boolean not null default false;
