package org.arrowsync.pricing;

import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.settings.Settings;

/**
 * Which lines a report or a re-pricing covers: those billing {@code period}, of one settings record's customer mappings
 * (every settings record when null), of one operator customer (every one when null).
 */
public record LineScope(YearMonth period, Settings settings, UUID customerUuid) {}
