package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A line as a billing sync's answer embeds it (Waldur's {@code ArrowBillingSyncItem}): the columns it shows and no
 * other, so that a page of syncs reads a tenth of what reading their items whole would.
 */
record EmbeddedItem(
        long syncId,
        UUID uuid,
        String lineReference,
        UUID invoiceItemUuid,
        BigDecimal originalPrice,
        UUID compensationItemUuid,
        String vendorName,
        String subscriptionReference,
        String classification,
        String description,
        BigDecimal quantity,
        Instant created) {}
