package org.arrowsync.settings;

import org.arrowsync.shared.Rejected;

/** The request names no settings and none are active, so there is no Arrow account to ask. */
public final class NoActiveSettings extends Rejected {

    NoActiveSettings() {
        super("No active Arrow settings found");
    }
}
