package org.arrowsync.settings;

import java.util.UUID;
import org.arrowsync.shared.UnknownReference;
import org.arrowsync.shared.Uuids;

/** A request or a job names Arrow settings that do not exist (any more). */
public final class SettingsNotFound extends UnknownReference {

    SettingsNotFound(UUID uuid) {
        super("Settings not found: " + Uuids.hex(uuid));
    }
}
