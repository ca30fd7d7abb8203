-- A deactivated user keeps its name and history but signs in no more: its tokens and console sessions stop working (D254).
alter table users add column is_active boolean not null default true;
