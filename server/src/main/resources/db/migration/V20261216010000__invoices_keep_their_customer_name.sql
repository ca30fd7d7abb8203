-- D140: an invoice keeps its customer's name, so a page of the invoice list (ordered by period, then customer name) is
-- chosen from an index in that order instead of sorting every invoice joined to its customer. Triggers keep the copy:
-- any writer of an invoice gets it from the customer, and a renamed customer renames its invoices' copy. A restore
-- loads the copy as it was backed up (the triggers off), or, from a backup older than this, this migration fills it.
alter table invoices add column customer_name text;
update invoices i set customer_name = c.name from customers c where c.id = i.customer_id;
alter table invoices alter column customer_name set not null;
create index invoices_list_order_idx on invoices (year desc, month desc, customer_name, id);

-- The customer's row is read for share: a rename in flight is waited for (its name is the one taken), and a rename
-- waits for this invoice's transaction, so it then renames this invoice too. (The foreign key's own lock conflicts with
-- no rename.) A customer that does not exist leaves the name empty for the foreign key to refuse the row.
create function invoice_takes_customer_name() returns trigger language plpgsql as $$
begin
    select name into new.customer_name from customers where id = new.customer_id for share;
    new.customer_name := coalesce(new.customer_name, '');
    return new;
end $$;

create trigger invoice_customer_name before insert or update of customer_id on invoices
    for each row execute function invoice_takes_customer_name();

create function customer_name_to_invoices() returns trigger language plpgsql as $$
begin
    update invoices set customer_name = new.name where customer_id = new.id;
    return null;
end $$;

create trigger customer_renames_invoices after update of name on customers
    for each row when (old.name is distinct from new.name) execute function customer_name_to_invoices();
