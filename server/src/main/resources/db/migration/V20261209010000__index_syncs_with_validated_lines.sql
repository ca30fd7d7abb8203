-- D103: the check that ends a sync's job, while Arrow is still validating a month, reads only the month's syncs whose
-- lines all carried a Validation Date; usually none, which this index answers without reading the month's syncs.
create index billing_syncs_validated_lines_idx on billing_syncs (report_period) where lines_validated;
