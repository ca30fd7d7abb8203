package org.arrowsync.consumption;

import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.settings.Settings;

/**
 * A validated request for a consumption run or a finalisation: whose settings, which month, and optionally one resource
 * or force.
 */
public record SyncOrder(Settings settings, YearMonth period, UUID resourceUuid, boolean force) {}
