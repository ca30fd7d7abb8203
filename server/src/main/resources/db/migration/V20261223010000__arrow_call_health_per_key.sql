-- Connection health per API URL and key: settings records of one URL with different keys (a rotated key, another
-- partner account on Arrow's one URL) no longer share it, so one record's refused key does not mark another failing.
-- The key is never stored, only the start of its SHA-256. The rows kept per URL alone are dropped: the next call of
-- each record notes its own.
delete from arrow_call_health;
alter table arrow_call_health drop constraint arrow_call_health_pkey;
alter table arrow_call_health add column key_fingerprint text not null;
alter table arrow_call_health add primary key (api_url, key_fingerprint);
