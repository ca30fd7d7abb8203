package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/**
 * One line of a billing statement.
 *
 * @param licenseReference the XSP license reference ({@code arsSubscriptionId})
 * @param quantity 1 when not reported
 */
public record StatementLine(
        String reference,
        String licenseReference,
        String arrowSku,
        String vendorName,
        String vendorProductName,
        String description,
        String classification,
        String currency,
        BigDecimal quantity,
        BigDecimal buyTotal,
        BigDecimal sellTotal,
        LocalDate billingPeriodStart,
        LocalDate billingPeriodEnd) {

    static StatementLine from(JsonNode node) {
        JsonNode prices = Json.first(node, "prices");
        String quantity = Json.text(node, "quantity");
        return new StatementLine(
                Json.required("a statement line", node, "reference"),
                Json.text(node, "arsSubscriptionId"),
                Json.text(node, "arrowSku"),
                Json.text(node, "vendorName"),
                Json.text(node, "vendorProductName"),
                Json.text(node, "description"),
                Json.text(node, "classification"),
                Json.text(node, "currency"),
                quantity == null ? BigDecimal.ONE : Amounts.require("quantity", quantity),
                Json.amount(prices, "buyTotal"),
                Json.amount(prices, "sellTotal"),
                Json.date(node, "billingPeriodStart"),
                Json.date(node, "billingPeriodEnd"));
    }
}
