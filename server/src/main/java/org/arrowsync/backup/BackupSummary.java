package org.arrowsync.backup;

/** What a backup holds, as written or as read back. */
record BackupSummary(String schemaVersion, int tables, long rows) {}
