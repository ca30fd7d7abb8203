package org.arrowsync.pricing;

import java.util.List;
import java.util.Map;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Uuids;

/**
 * A rule would price the same lines in the same months as another rule of the same precedence, so neither would be the
 * rule for them; the answer names that rule under {@code conflicting_rule}.
 */
public final class PriceRulesOverlap extends InvalidInput {

    PriceRulesOverlap(PriceRule conflicting) {
        super(Map.of(
                NON_FIELD_ERRORS,
                List.of("Price rule " + Uuids.hex(conflicting.uuid()) + " (" + scope(conflicting) + ", "
                        + conflicting.validFrom() + " to "
                        + (conflicting.validTo() == null
                                ? "open"
                                : conflicting.validTo().toString())
                        + (blank(conflicting.note())
                                ? ""
                                : ", \"" + conflicting.note().strip() + "\"")
                        + ") prices the same lines with the same precedence in overlapping months."),
                "conflicting_rule",
                List.of(Uuids.hex(conflicting.uuid()))));
    }

    /** Which lines the rule prices, as an operator told them apart. */
    private static String scope(PriceRule rule) {
        return (blank(rule.vendorName()) ? "every vendor" : rule.vendorName()) + ", "
                + (blank(rule.classification()) ? "every classification" : rule.classification())
                + (rule.customerMappingUuid() == null ? "" : ", one customer");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
