-- Trigram indexes for the sync-item list's substring filters on the references an operator pastes (D66): a search
-- that read the whole month (1.7 s at a million lines) reads its matches. They cost every line's first insert, the
-- dearest part of a first sync of a large month.
create index billing_sync_items_subscription_trgm_idx on billing_sync_items using gin (subscription_reference gin_trgm_ops);
create index billing_sync_items_line_reference_trgm_idx on billing_sync_items using gin (arrow_line_reference gin_trgm_ops);
