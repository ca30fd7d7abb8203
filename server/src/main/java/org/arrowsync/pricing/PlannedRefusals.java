package org.arrowsync.pricing;

import java.math.BigDecimal;
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
 * run would meet them: its sources give their corrections in the order they book them, and an invoice with no items yet
 * takes the currency of the customer's first correction, as booking sets it, refusing the others (D9). Where each
 * customer's corrections go is read only when the refusals are asked for, once per customer.
 */
public final class PlannedRefusals {

    private final Function<UUID, CorrectionPlace> where;
    /** The planned corrections per customer and currency, in the order booking first meets each. */
    private final Map<RepricedCustomer.Key, RepricedCustomer> planned = new LinkedHashMap<>();

    /** {@code where} finds where a customer's corrections of the plan's month go. */
    public PlannedRefusals(Function<UUID, CorrectionPlace> where) {
        this.where = where;
    }

    /** A correction the plan books. */
    public void consider(UUID customerUuid, String customerName, String currency, BigDecimal correction) {
        planned.merge(
                new RepricedCustomer.Key(customerUuid, currency),
                RepricedCustomer.none(customerUuid, customerName, currency)
                        .plus(BigDecimal.ZERO, BigDecimal.ZERO, correction),
                RepricedCustomer::plus);
    }

    /** The corrections the customers' invoices would refuse, per customer and currency. */
    public List<RepricedCustomer> refused() {
        Map<UUID, CorrectionPlace> places = new HashMap<>();
        Map<UUID, String> currencies = new HashMap<>();
        List<RepricedCustomer> refused = new ArrayList<>();
        for (RepricedCustomer corrections : planned.values()) {
            CorrectionPlace place = places.computeIfAbsent(corrections.customerUuid(), where);
            String taken = currencies.computeIfAbsent(
                    corrections.customerUuid(), customer -> place.currency().orElse(corrections.currency()));
            if (place.refusal().isPresent() || !taken.equals(corrections.currency())) {
                refused.add(corrections);
            }
        }
        return refused;
    }
}
