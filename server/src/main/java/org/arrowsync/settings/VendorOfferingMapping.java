package org.arrowsync.settings;

import java.time.Instant;
import java.util.UUID;

/** Lines of this Arrow vendor bill through this offering (and plan). */
public record VendorOfferingMapping(
        long id,
        UUID uuid,
        long settingsId,
        UUID settingsUuid,
        String vendorName,
        long offeringId,
        UUID offeringUuid,
        String offeringName,
        String offeringType,
        Long planId,
        UUID planUuid,
        String planName,
        boolean active,
        Instant created,
        Instant modified) {}
