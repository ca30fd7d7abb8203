-- D114: a record belongs to the settings whose consumption run wrote it, whatever becomes of its customer's mapping,
-- so finalisation, re-pricing and the reports still find it once the mapping is deactivated or re-pointed. A record
-- written before this column existed takes the settings of its customer's mapping (an active one first); one of a
-- customer no settings maps any more names none, as no settings read it before either.
alter table consumption_records add column settings_id bigint references arrow_settings (id) on delete set null;

update consumption_records cr
set settings_id = (select cm.settings_id
                   from resources r
                   join projects p on p.id = r.project_id
                   join customer_mappings cm on cm.customer_id = p.customer_id
                   where r.id = cr.resource_id
                   order by cm.is_active desc, cm.id
                   limit 1);

create index consumption_records_settings_period_idx on consumption_records (settings_id, billing_period);
