package org.arrowsync.pricing;

import java.math.BigDecimal;

/**
 * One amount Arrow charges, as price rules see it: the operator customer it is billed to (its row id), its vendor and
 * classification (null or blank when unknown), and Arrow's sell and buy prices for it.
 */
public record ArrowAmount(long customerId, String vendorName, String classification, BigDecimal sell, BigDecimal buy) {}
