package org.arrowsync.users;

/** {@code ARROWSYNC_ADMIN_PASSWORD} is no usable password; nothing was changed. */
final class ConfiguredPasswordRefused extends IllegalStateException {

    ConfiguredPasswordRefused(String why) {
        super(why);
    }
}
