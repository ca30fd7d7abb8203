-- D261: the currency of the lines of an export that has no currency column, as D9 has it: a setting of the record.
alter table arrow_settings add column currency text not null default 'EUR' check (currency ~ '^[A-Z]{3}$');
