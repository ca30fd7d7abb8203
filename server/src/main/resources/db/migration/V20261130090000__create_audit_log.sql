-- Who changed what and why: one entry per change made through the API or the console (refused attempts included,
-- with their status), and per job a schedule queued. Append-only (D40): the database itself refuses to change or
-- remove an entry.
create table audit_log (
    id             bigserial primary key,
    uuid           uuid        not null unique,
    created        timestamptz not null,
    actor          text        not null,
    action         text        not null,
    target_uuid    uuid,
    request        jsonb       not null default '{}',
    status         int,
    client_address text        not null default '',
    request_id     text        not null default '',
    reason         text        not null default ''
);
create index audit_log_created_idx on audit_log (created desc, id desc);
create index audit_log_target_idx on audit_log (target_uuid);
create index audit_log_actor_idx on audit_log (actor, created desc);

create function refuse_audit_log_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function refuse_audit_log_change();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function refuse_audit_log_change();
