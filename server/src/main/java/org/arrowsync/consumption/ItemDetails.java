package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import org.arrowsync.pricing.Price;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code details} of consumption invoice items, as the reference's record helpers write them
 * (docs/reference-behaviour.md §1.6).
 */
final class ItemDetails {

    static final String PROVISIONAL = "arrow_consumption";
    static final String FINALIZED = "arrow_finalized";
    static final String RECONCILIATION = "arrow_reconciliation";
    /** The reason a correction names when the price rules, not Arrow's final amount, made it. */
    static final String REPRICED = "repriced";

    private ItemDetails() {}

    /** Each item also says how it was priced: Arrow's buy and sell, the rule applied and the margin. */
    static JsonNode provisional(String licenseReference, BigDecimal consumedSell, BigDecimal consumedBuy, Price price) {
        ObjectNode node = base(PROVISIONAL, licenseReference, consumedSell);
        node.put("consumed_buy", text(consumedBuy));
        node.put("sync_type", "real_time");
        return price.describe(node);
    }

    static JsonNode finalized(ConsumptionRecord record, Price price) {
        ObjectNode node = base(FINALIZED, record.licenseReference(), record.consumedSell());
        node.put("final_sell", nonZero(record.finalSell()));
        node.put("adjustment", nonZero(record.adjustment()));
        return price.describe(node);
    }

    /**
     * A compensation names the period it corrects (D7) and the amount it adds, beside the reference's fields;
     * {@code reason} says when the price rules made it, null when Arrow's final amount did.
     */
    static JsonNode compensation(
            ConsumptionRecord record, BigDecimal amount, Instant reconciledAt, Price price, String reason) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("source", RECONCILIATION);
        node.put("original_period", record.billingPeriod().toString());
        node.put("license_reference", record.licenseReference());
        node.put("consumed_sell", text(record.consumedSell()));
        node.put("final_sell", nonZero(record.finalSell()));
        node.put("adjustment", nonZero(record.adjustment()));
        node.put("compensation", text(amount));
        node.put("reconciled_at", reconciledAt == null ? null : reconciledAt.toString());
        if (reason != null) {
            node.put("reason", reason);
        }
        return price.describe(node);
    }

    private static ObjectNode base(String source, String licenseReference, BigDecimal consumedSell) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("source", source);
        node.put("license_reference", licenseReference);
        node.put("consumed_sell", text(consumedSell));
        return node;
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** The reference writes null for a zero (falsy) amount. */
    private static String nonZero(BigDecimal value) {
        return value == null || value.signum() == 0 ? null : value.toPlainString();
    }
}
