-- What a sync item recorded of its Arrow line, as one value (D55): a re-sync compares it instead of the line's columns,
-- and leaves a line whose hash is unchanged unwritten. Null (lines synced before it, lines changed by reconciliation)
-- means unknown: such a line is compared column by column.
alter table billing_sync_items add column content_hash uuid;
