package org.arrowsync.ledger;

import java.time.Instant;
import java.util.UUID;

/** An operator's customer (Waldur "organization"), the owner of projects and invoices. */
public record Customer(
        long id,
        UUID uuid,
        String name,
        String abbreviation,
        String email,
        String address,
        String postal,
        String country,
        Instant created,
        Instant modified) {}
