package org.arrowsync.pricing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.arrowsync.shared.CorrectionPlace;

/**
 * The corrections of a re-pricing plan that no invoice would take (D9, D94, D163), per customer and currency, as the
 * run would meet them: its sources consider their corrections in the order they book them, each customer's invoices are
 * read once, and an invoice with no items yet takes the currency of the first correction placed on it, as booking sets
 * it, refusing the others (D9).
 */
public final class PlannedRefusals {

    private final Map<UUID, CorrectionPlace> places = new HashMap<>();
    /** The currency each invoice corrections go on holds or is given by the first one placed on it. */
    private final Map<Invoice, String> currencies = new HashMap<>();

    private final Map<RepricedCustomer.Key, RepricedCustomer> refused = new LinkedHashMap<>();

    /**
     * A correction the plan books, counted when the customer's invoices would refuse it; {@code where} finds where the
     * customer's corrections go.
     */
    public void consider(
            UUID customerUuid,
            String customerName,
            String currency,
            BigDecimal correction,
            Function<UUID, CorrectionPlace> where) {
        CorrectionPlace place = places.computeIfAbsent(customerUuid, where);
        boolean refuses = place.refusal().isPresent()
                || !currencies
                        .computeIfAbsent(
                                new Invoice(customerUuid, place.invoice()),
                                invoice -> place.currency().orElse(currency))
                        .equals(currency);
        if (refuses) {
            refused.merge(
                    new RepricedCustomer.Key(customerUuid, currency),
                    RepricedCustomer.none(customerUuid, customerName, currency)
                            .plus(BigDecimal.ZERO, BigDecimal.ZERO, correction),
                    RepricedCustomer::plus);
        }
    }

    public List<RepricedCustomer> refused() {
        return new ArrayList<>(refused.values());
    }

    /** A customer's invoice of a month. */
    private record Invoice(UUID customerUuid, YearMonth period) {}
}
