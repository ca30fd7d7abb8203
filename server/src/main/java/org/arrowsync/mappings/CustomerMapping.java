package org.arrowsync.mappings;

import java.time.Instant;
import java.util.UUID;

/** An Arrow customer (by XSP reference and company name) billed to an operator customer. */
public record CustomerMapping(
        long id,
        UUID uuid,
        long settingsId,
        UUID settingsUuid,
        String arrowReference,
        String arrowCompanyName,
        long customerId,
        UUID customerUuid,
        String customerName,
        boolean active,
        Instant created,
        Instant modified) {}
