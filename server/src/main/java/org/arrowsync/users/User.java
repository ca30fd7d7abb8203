package org.arrowsync.users;

import java.time.Instant;
import java.util.UUID;

/** A user of the API and the console; {@code hasPassword} says whether it may sign in to the console. */
public record User(long id, UUID uuid, String username, boolean staff, boolean hasPassword, Instant created) {}
