-- D85: an invoice item's details are kept as the text the server wrote (json), not parsed into jsonb: nothing queries
-- inside them, and a page of invoices answers with thousands of them, which jsonb had to turn back into text on every
-- read. The column is rewritten once; the text it then holds is what jsonb gave back for it.
alter table invoice_items
    alter column details drop default,
    alter column details type json using details::json,
    alter column details set default '{}';
