package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A billing statement (pre-invoice document) of one customer, vendor and period.
 *
 * <p>Validation reads the customer and the state alone, so the other fields are read as they come: a period, a total or
 * a date Arrow writes unreadably (PHP's client keeps them as opaque text; {@code status} is "reserved for future use")
 * is null, and never fails the month's statements for every customer.
 *
 * @param customerReference the XSP reference of the billed customer ({@code to.reference})
 * @param state {@code status.state}; NONE when the statement has no status
 * @param validationDate {@code status.validationDate}; null until validated, or unreadable
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
                readable(() -> Json.period(node, "reportPeriod")),
                Json.text(node, "marketplace"),
                Json.text(to, "reference"),
                Json.text(to, "name"),
                Json.text(node, "currency"),
                readable(() -> Json.amount(prices, "buyTotal")),
                readable(() -> Json.amount(prices, "sellTotal")),
                StatementState.of(Json.text(status, "state")),
                readable(() -> Json.date(status, "validationDate")));
    }

    /** A field nothing decides on: its value, or null when Arrow wrote it unreadably. */
    private static <T> T readable(Supplier<T> field) {
        try {
            return field.get();
        } catch (PayloadProblem unreadable) {
            return null;
        }
    }
}
