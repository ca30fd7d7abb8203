-- D119: how many times a reconciliation moved lines into or out of a license-month that consumption tracking bills,
-- and how many of those a finalisation run had seen when it completed. A month with a move not yet seen is finalised
-- by the schedule whatever its age, so the other half of each move is booked even when the finalisation the
-- reconciliation queued joined a run that had already read the month, failed, or was never queued.
alter table license_billing add column moves bigint not null default 0;
alter table license_billing add column moves_finalised bigint not null default 0;
create index license_billing_moves_unfinalised_idx on license_billing (period) where moves > moves_finalised;
