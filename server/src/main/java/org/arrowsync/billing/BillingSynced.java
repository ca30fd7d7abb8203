package org.arrowsync.billing;

import java.util.UUID;

/** A month's billing sync of a settings record committed: what it synced, and the lines that matched no customer. */
public record BillingSynced(UUID settingsUuid, BillingSyncService.SyncReport report) {}
