-- When a user's console password was last set: a console session signed in before it ends (D253).
alter table users add column password_changed timestamptz;
