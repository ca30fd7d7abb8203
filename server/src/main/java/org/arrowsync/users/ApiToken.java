package org.arrowsync.users;

import java.time.Instant;
import java.util.UUID;

/**
 * One API token of a user, as stored: never the token itself, only a hint (its first characters) to tell it apart, and
 * whether it is the one from {@code ARROWSYNC_ADMIN_TOKEN}.
 */
record ApiToken(long id, UUID uuid, long userId, String hint, boolean fromConfiguration, Instant created) {}
