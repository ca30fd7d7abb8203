-- The vendor and classification a consumption record is priced under (price rules): from the resource while the month is
-- provisional, from the billing export's lines of the license once finalised.
alter table consumption_records
    add column vendor_name    text not null default '',
    add column classification text not null default '';
