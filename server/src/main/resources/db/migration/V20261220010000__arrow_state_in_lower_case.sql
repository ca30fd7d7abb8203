-- A sync's arrow_state is one of the three words the server writes (D157), so Waldur's iexact filter on it compares the
-- column as it is with the value lower-cased: a plain index then serves it, and its count reads that index alone where
-- lower(arrow_state) made PostgreSQL lower-case every sync's state (about half the time of a filtered page of syncs).
alter table billing_syncs add constraint billing_syncs_arrow_state_check
    check (arrow_state in ('pending', 'validated', 'validated_by_calendar'));
drop index billing_syncs_arrow_state_idx;
create index billing_syncs_arrow_state_idx on billing_syncs (arrow_state);
