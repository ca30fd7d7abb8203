-- D168: a currency code is kept upper case without blanks, however Arrow wrote it. Codes written before that decision
-- as Arrow sent them ('eur', ' EUR') are brought to the same form, so that they compare equal with what later runs
-- write (an item in 'EUR' beside its invoice's 'eur' was refused as another currency). Rows already in form are left
-- as they are.
update invoice_items set currency = upper(btrim(currency)) where currency <> upper(btrim(currency));
update billing_syncs set currency = upper(btrim(currency)) where currency <> upper(btrim(currency));
update billing_sync_items set currency = upper(btrim(currency)) where currency <> upper(btrim(currency));
update billing_unmatched_lines set currency = upper(btrim(currency)) where currency <> upper(btrim(currency));
