package org.arrowsync.health;

import java.time.Instant;

/**
 * An Arrow API stopped answering ({@code reachable} false, with the failure) or answers again. Published once per
 * change, by the server that saw it.
 */
public record ArrowReachabilityChanged(String apiUrl, boolean reachable, String error, Instant at) {}
