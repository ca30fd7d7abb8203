package org.arrowsync.billing;

import java.math.BigDecimal;
import java.util.UUID;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.pricing.Price;

/**
 * A line of the month billed before, as a sync first reads it: enough to tell its sync, a repeat, and whether it
 * changed since. Only the items of changed lines are read whole (D55).
 *
 * @param contentHash what the item recorded of its line ({@link #contentHash}); null when not known
 * @param lostItsItem it bills through an invoice item that is gone (deleted with its invoice or by hand)
 * @param currency the currency its item records
 */
record KnownLine(
        long id,
        long syncId,
        String lineReference,
        boolean removed,
        UUID contentHash,
        boolean lostItsItem,
        String currency) {

    /**
     * Whether a run that finds the line with this content hash, in this currency, has nothing to write for it: the item
     * holds these amounts in this currency, bills them as the last run left it and is still present.
     */
    boolean unchanged(UUID hash, String lineCurrency) {
        return !removed && !lostItsItem && hash.equals(contentHash) && currency.equals(lineCurrency);
    }

    /**
     * What a sync item records of its Arrow line, as one value: the amount billed for it (Arrow's, priced by the rules)
     * and Arrow's sell, buy and quantity, compared as numbers (so {@code 1.50} is {@code 1.5}), and the terms of the
     * price rule that priced it, if one did ({@link Price#terms}). It is {@link UUID#nameUUIDFromBytes} of
     * {@code amount|sell|buy|quantity}, each number plain without trailing zeros, so hashes stored by any version
     * compare equal, its bits exclusive-or the rule's terms. A UUID is 128 bits that PostgreSQL stores and compares
     * natively; it guards against accident, not against an adversary.
     */
    static UUID contentHash(BigDecimal amount, BillingLine line, UUID ruleTerms) {
        UUID numbers = ContentHash.of(amount, line.sellTotal(), line.buyTotal(), line.quantity());
        return ruleTerms == null
                ? numbers
                : new UUID(
                        numbers.getMostSignificantBits() ^ ruleTerms.getMostSignificantBits(),
                        numbers.getLeastSignificantBits() ^ ruleTerms.getLeastSignificantBits());
    }
}
