package org.arrowsync.health;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An Arrow API stopped answering ({@code reachable} false, with the failure) or answers again, and the settings records
 * in use that call it. Published once per change, by the server that saw it.
 */
public record ArrowReachabilityChanged(
        String apiUrl, List<UUID> settingsUuids, boolean reachable, String error, Instant at) {}
