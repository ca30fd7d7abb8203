-- API users; tokens are kept only as SHA-256 hashes.
create table users (
    id          bigserial primary key,
    uuid        uuid        not null unique,
    username    text        not null unique,
    is_staff    boolean     not null default false,
    token_hash  text        not null unique,
    created     timestamptz not null
);
