package org.arrowsync.consumption;

import org.arrowsync.shared.StateConflict;

/**
 * Settings whose consumption records exist are not deleted: the records keep their settings, whose finalisation
 * corrects them (D114), and a record without settings is finalised by none (D241).
 */
final class SettingsHaveConsumption extends StateConflict {

    SettingsHaveConsumption() {
        super("These Arrow settings have consumption records, which they finalise; deactivate them (is_active=false,"
                + " sync_enabled=false) instead of deleting them.");
    }
}
