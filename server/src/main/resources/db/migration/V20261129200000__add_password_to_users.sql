-- Console sign-in: a user may have a password (hashed by a standard password encoder, the algorithm named in the hash);
-- without one the user signs in with its API token only.
alter table users add column password_hash text;
