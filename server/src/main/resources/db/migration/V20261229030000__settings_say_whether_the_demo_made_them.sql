-- D263: a restarted demo moves the settings the demo made to its new emulator, and no others. Rows from before this
-- migration say nothing (null): the server then judges by their look, as before, unless an Arrow API is configured.
alter table arrow_settings add column made_by_demo boolean;
alter table arrow_settings alter column made_by_demo set default false;
