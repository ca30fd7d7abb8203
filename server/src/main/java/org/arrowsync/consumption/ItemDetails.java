package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.Instant;
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

    private ItemDetails() {}

    static JsonNode provisional(String licenseReference, BigDecimal consumedSell, BigDecimal consumedBuy) {
        ObjectNode node = base(PROVISIONAL, licenseReference, consumedSell);
        node.put("consumed_buy", text(consumedBuy));
        node.put("sync_type", "real_time");
        return node;
    }

    static JsonNode finalized(ConsumptionRecord record) {
        ObjectNode node = base(FINALIZED, record.licenseReference(), record.consumedSell());
        node.put("final_sell", nonZero(record.finalSell()));
        node.put("adjustment", nonZero(record.adjustment()));
        return node;
    }

    /** A compensation names the period it corrects (D7) and the amount it adds, beside the reference's fields. */
    static JsonNode compensation(ConsumptionRecord record, BigDecimal amount, Instant reconciledAt) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("source", RECONCILIATION);
        node.put("original_period", record.billingPeriod().toString());
        node.put("license_reference", record.licenseReference());
        node.put("consumed_sell", text(record.consumedSell()));
        node.put("final_sell", nonZero(record.finalSell()));
        node.put("adjustment", nonZero(record.adjustment()));
        node.put("compensation", text(amount));
        node.put("reconciled_at", reconciledAt == null ? null : reconciledAt.toString());
        return node;
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
