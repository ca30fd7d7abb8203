package org.arrowsync.billing;

import org.arrowsync.shared.StateConflict;

/**
 * Settings with billing syncs are not deleted: the syncs would go with them while their invoice items stay, and a later
 * sync would bill everything again.
 */
final class SettingsHaveBillingSyncs extends StateConflict {

    SettingsHaveBillingSyncs() {
        super("These Arrow settings have billing syncs; deactivate them (is_active=false, sync_enabled=false)"
                + " instead of deleting them, so nothing is billed twice.");
    }
}
