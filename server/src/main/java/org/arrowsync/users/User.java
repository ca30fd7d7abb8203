package org.arrowsync.users;

import java.time.Instant;
import java.util.UUID;

/**
 * A user of the API and the console; {@code hasPassword} says whether it may sign in to the console, {@code active}
 * whether it may sign in at all (D254).
 */
public record User(
        long id, UUID uuid, String username, boolean staff, boolean active, boolean hasPassword, Instant created) {}
