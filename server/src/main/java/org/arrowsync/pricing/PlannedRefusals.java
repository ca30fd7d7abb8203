package org.arrowsync.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The corrections of a re-pricing plan that no invoice would take as the invoices are now (D9, D94, D163), per customer
 * and currency, as {@link RepricePlan#refused} gives them: a customer's invoices are asked once per currency.
 */
public final class PlannedRefusals {

    /** Why a correction of the customer in the currency would be refused, empty where it would not. */
    private final BiFunction<UUID, String, Optional<String>> refusal;

    private final Map<RepricedCustomer.Key, Boolean> refuses = new HashMap<>();
    private final Map<RepricedCustomer.Key, RepricedCustomer> refused = new LinkedHashMap<>();

    public PlannedRefusals(BiFunction<UUID, String, Optional<String>> refusal) {
        this.refusal = refusal;
    }

    /** A correction the plan books: counted when the customer's invoices would refuse it. */
    public void consider(UUID customerUuid, String customerName, String currency, BigDecimal correction) {
        RepricedCustomer.Key key = new RepricedCustomer.Key(customerUuid, currency);
        if (refuses.computeIfAbsent(
                key, k -> refusal.apply(customerUuid, currency).isPresent())) {
            refused.merge(
                    key,
                    RepricedCustomer.none(customerUuid, customerName, currency)
                            .plus(BigDecimal.ZERO, BigDecimal.ZERO, correction),
                    RepricedCustomer::plus);
        }
    }

    public List<RepricedCustomer> refused() {
        return new ArrayList<>(refused.values());
    }
}
