package org.arrowsync.pricing;

import java.math.BigDecimal;
import java.util.UUID;
import org.arrowsync.settings.PriceSource;
import org.arrowsync.shared.Uuids;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an Arrow amount bills and why: {@code billed} is {@code base} plus {@code markupPercent} of it, by the rule
 * {@code ruleUuid}, or, without a rule, the settings' price source unchanged ({@code ruleUuid} null, markup 0).
 */
public record Price(
        BigDecimal billed, BigDecimal sell, BigDecimal buy, PriceSource base, BigDecimal markupPercent, UUID ruleUuid) {

    static Price byDefault(PriceSource source, ArrowAmount amount) {
        return new Price(
                source.choose(amount.sell(), amount.buy()), amount.sell(), amount.buy(), source, BigDecimal.ZERO, null);
    }

    static Price byRule(PriceRule rule, ArrowAmount amount) {
        return new Price(
                rule.apply(amount.sell(), amount.buy()),
                amount.sell(),
                amount.buy(),
                rule.base(),
                rule.markupPercent(),
                rule.uuid());
    }

    /**
     * What a price rule adds to a line's content hash (D55): nothing without a rule, so a line priced by the settings'
     * source hashes as every version stored it; else the bits of the rule's uuid mixed with its base and markup, so
     * that a rule which bills the amount the pricing before it billed still names itself in the item's details at the
     * next sync (D120).
     */
    public UUID terms() {
        if (ruleUuid == null) {
            return null;
        }
        return new UUID(
                ruleUuid.getMostSignificantBits() ^ base.value().hashCode(),
                ruleUuid.getLeastSignificantBits()
                        ^ markupPercent.stripTrailingZeros().hashCode());
    }

    /** What the operator earns on the amount: billed minus Arrow's buy price. */
    public BigDecimal margin() {
        return billed.subtract(buy);
    }

    /**
     * Adds to an invoice item's details what it was priced from: Arrow's buy and sell, the rule applied (null: the
     * settings' price source), its base and markup, and the margin.
     */
    public ObjectNode describe(ObjectNode details) {
        return details.put("buy", buy.toPlainString())
                .put("sell", sell.toPlainString())
                .put("price_rule", Uuids.hex(ruleUuid))
                .put("price_base", base.value())
                .put("markup_percent", markupPercent.toPlainString())
                .put("margin", margin().toPlainString());
    }
}
