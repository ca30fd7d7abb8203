package org.arrowsync.pricing;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arrowsync.settings.PriceSource;

/**
 * The price rules of one settings record, loaded once for a run: prices any Arrow amount of any month. The rules of
 * each customer are kept apart, so a line is compared with its customer's rules and the rules for any customer only.
 */
public final class PriceBook {

    private static final Comparator<PriceRule> MOST_SPECIFIC_FIRST =
            Comparator.comparingInt(PriceRule::specificity).reversed();

    private final PriceSource fallback;
    private final RulesVersion version;
    private final Map<Long, List<PriceRule>> ofCustomer = new HashMap<>();
    private final List<PriceRule> ofAnyCustomer = new ArrayList<>();

    PriceBook(PriceSource fallback, List<PriceRule> rules) {
        this(fallback, rules, null);
    }

    /** @param version the rules' version read before the rules, or {@code null} where it is not known */
    PriceBook(PriceSource fallback, List<PriceRule> rules, RulesVersion version) {
        this.fallback = fallback;
        this.version = version;
        for (PriceRule rule : rules) {
            if (rule.customerId() == null) {
                ofAnyCustomer.add(rule);
            } else {
                ofCustomer
                        .computeIfAbsent(rule.customerId(), customer -> new ArrayList<>())
                        .add(rule);
            }
        }
        ofAnyCustomer.sort(MOST_SPECIFIC_FIRST);
        ofCustomer.values().forEach(list -> list.sort(MOST_SPECIFIC_FIRST));
    }

    /**
     * The price of an amount billed for {@code period}: by the most specific rule that matches it (rules of the same
     * precedence never overlap), else the settings' price source.
     */
    public Price price(YearMonth period, ArrowAmount amount) {
        PriceRule rule = first(ofCustomer.getOrDefault(amount.customerId(), List.of()), period, amount);
        if (rule == null) {
            rule = first(ofAnyCustomer, period, amount);
        }
        return rule == null ? Price.byDefault(fallback, amount) : Price.byRule(rule, amount);
    }

    private static PriceRule first(List<PriceRule> rules, YearMonth period, ArrowAmount amount) {
        for (PriceRule rule : rules) {
            if (rule.matches(period, amount)) {
                return rule;
            }
        }
        return null;
    }

    RulesVersion version() {
        return version;
    }
}
