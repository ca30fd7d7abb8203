package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import tools.jackson.databind.JsonNode;

/**
 * A billing statement (pre-invoice document) of one customer, vendor and period.
 *
 * @param customerReference the XSP reference of the billed customer ({@code to.reference})
 * @param state {@code status.state}; NONE when the statement has no status
 * @param validationDate {@code status.validationDate}; null until validated
 */
public record Statement(
        String reference,
        String sequence,
        String vendorName,
        String programCode,
        String classification,
        YearMonth reportPeriod,
        String marketplace,
        String customerReference,
        String customerName,
        String currency,
        BigDecimal buyTotal,
        BigDecimal sellTotal,
        StatementState state,
        LocalDate validationDate) {

    static Statement from(JsonNode node) {
        JsonNode to = Json.first(node, "to");
        JsonNode prices = Json.first(node, "prices");
        JsonNode status = Json.first(node, "status");
        return new Statement(
                Json.required("a statement", node, "reference"),
                Json.text(node, "sequence"),
                Json.text(node, "vendorName"),
                Json.text(node, "programCode"),
                Json.text(node, "classification"),
                Json.period(node, "reportPeriod"),
                Json.text(node, "marketplace"),
                Json.text(to, "reference"),
                Json.text(to, "name"),
                Json.text(node, "currency"),
                Json.amount(prices, "buyTotal"),
                Json.amount(prices, "sellTotal"),
                StatementState.of(Json.text(status, "state")),
                Json.date(status, "validationDate"));
    }
}
