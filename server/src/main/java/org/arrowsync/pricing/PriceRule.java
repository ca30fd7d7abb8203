package org.arrowsync.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.arrowsync.settings.PriceSource;
import org.arrowsync.shared.Money;

/**
 * How the lines it matches bill: {@code base} (Arrow's sell or buy price) plus {@code markupPercent} of it, from
 * {@code validFrom} to {@code validTo} (months, inclusive; open-ended without an end). Without a customer, vendor or
 * classification it matches any. Its customer is the operator customer ({@code customerId}) of the customer mapping
 * {@code customerMappingUuid}: the rule prices what that customer is billed, whichever path bills it.
 */
public record PriceRule(
        long id,
        UUID uuid,
        long settingsId,
        UUID settingsUuid,
        UUID customerMappingUuid,
        Long customerId,
        String vendorName,
        String classification,
        PriceSource base,
        BigDecimal markupPercent,
        YearMonth validFrom,
        YearMonth validTo,
        String note,
        Instant created,
        Instant modified) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The precedence of a rule: a customer counts most, then a vendor, then a classification. Customer + vendor +
     * classification (7) before customer + vendor (6), before customer + classification (5), before customer (4),
     * before vendor + classification (3), vendor (2), classification (1) and a rule for everything (0).
     */
    public int specificity() {
        return (customerId != null ? 4 : 0) + (vendorName != null ? 2 : 0) + (classification != null ? 1 : 0);
    }

    boolean appliesIn(YearMonth period) {
        return !period.isBefore(validFrom) && (validTo == null || !period.isAfter(validTo));
    }

    boolean matches(YearMonth period, ArrowAmount amount) {
        return appliesIn(period)
                && (customerId == null || customerId == amount.customerId())
                && (vendorName == null || key(vendorName).equals(key(amount.vendorName())))
                && (classification == null || key(classification).equals(key(amount.classification())));
    }

    /**
     * Whether both rules could price the same line in the same month with the same precedence: then neither would be
     * the rule for it, so one of them is refused.
     */
    boolean overlaps(PriceRule other) {
        return settingsId == other.settingsId
                && Objects.equals(customerId, other.customerId)
                && Objects.equals(key(vendorName), key(other.vendorName))
                && Objects.equals(key(classification), key(other.classification))
                && !validFrom.isAfter(other.lastMonth())
                && !other.validFrom.isAfter(lastMonth());
    }

    /** The amount a line of these prices bills: the base plus the markup, kept at the stored scale. */
    BigDecimal apply(BigDecimal sell, BigDecimal buy) {
        BigDecimal factor = BigDecimal.ONE.add(markupPercent.divide(HUNDRED));
        return Money.stored(base.choose(sell, buy).multiply(factor));
    }

    private YearMonth lastMonth() {
        return validTo == null ? YearMonth.of(9999, 12) : validTo;
    }

    /** Vendors and classifications are compared trimmed and ignoring case, as Arrow spells them either way. */
    static String key(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
