package org.arrowsync.shared;

import java.util.UUID;

/** The authenticated user of the current request, as a controller parameter. */
public record Caller(UUID uuid, String username, boolean staff) {}
