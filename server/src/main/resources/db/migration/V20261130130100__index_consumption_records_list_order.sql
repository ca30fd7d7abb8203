-- The consumption-record list's order (D56): a page is chosen by walking this index, not by sorting every record.
create index consumption_records_list_idx on consumption_records (billing_period desc, created desc, id desc);
