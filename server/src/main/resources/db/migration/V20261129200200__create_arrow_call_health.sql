-- The last Arrow call that succeeded and the last that failed, per API URL (what every settings record on that URL
-- shares): the console's connection health. Written at most every few seconds per URL, never with the API key.
create table arrow_call_health (
    api_url      text primary key,
    last_success timestamptz,
    last_failure timestamptz,
    last_error   text not null default ''
);
