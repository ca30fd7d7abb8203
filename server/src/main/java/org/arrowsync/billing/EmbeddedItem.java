package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A line as a billing sync's answer embeds it (Waldur's {@code ArrowBillingSyncItem}): the columns it shows and no
 * other. A page of syncs embeds thousands of lines; read whole, each would bring 28 columns through four joins.
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
