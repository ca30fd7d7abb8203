-- API tokens: a user may hold several, listed, rotated and revoked by staff; only their SHA-256 is stored, with the
-- first characters as a hint to tell them apart. The token from ARROWSYNC_ADMIN_TOKEN is marked, so that a new value
-- replaces it at the next start and leaves the others alone.
create table user_tokens (
    id                 bigserial primary key,
    uuid               uuid        not null unique,
    user_id            bigint      not null references users (id) on delete cascade,
    token_hash         text        not null unique,
    hint               text,
    from_configuration boolean     not null default false,
    created            timestamptz not null
);
create index user_tokens_user_idx on user_tokens (user_id);

insert into user_tokens (uuid, user_id, token_hash, created)
select gen_random_uuid(), id, token_hash, created from users;

alter table users drop column token_hash;
