package org.arrowsync.ledger;

import java.time.Instant;
import java.util.UUID;

/** A customer's project; resources and invoice items belong to one. */
public record Project(
        long id,
        UUID uuid,
        String name,
        String description,
        long customerId,
        UUID customerUuid,
        String customerName,
        Instant created,
        Instant modified) {}
