package org.arrowsync.emulator.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Computes the generated line number {@code n} of a license in a month from the seed alone. The open (current) month's
 * metered lines are the full-month amount times the fraction of the month elapsed, so provisional totals grow as the
 * clock moves and settle when the month closes.
 */
final class LineFactory {

    private static final long AMOUNT = 11;
    private static final BigDecimal MARGIN = new BigDecimal("1.12");

    private final Universe universe;
    private final EmulatorClock clock;

    LineFactory(Universe universe, EmulatorClock clock) {
        this.universe = universe;
        this.clock = clock;
    }

    Line line(License license, YearMonth month, int n) {
        String sequence =
                license.offer().sequencePrefix() + "-" + license.number() + "-" + Sequences.period(month) + "-" + n;
        Offer offer = license.offer();
        long h = Hash.of(
                universe.seed(), AMOUNT, license.index(), month.getYear() * 12L + month.getMonthValue() + n * 100_000L);
        Offer.Meter meter = offer.meters().get(Hash.below(h, offer.meters().size()));
        if (!offer.metered()) {
            BigDecimal qty = BigDecimal.valueOf(license.seats());
            BigDecimal buyUnit = offer.seatBuyPrice();
            BigDecimal sellUnit = offer.seatSellPrice();
            return new Line(
                    sequence,
                    month,
                    license,
                    n,
                    meter,
                    offer.productName(),
                    license.seats(),
                    sellUnit,
                    buyUnit,
                    sellUnit.multiply(qty),
                    buyUnit.multiply(qty));
        }
        BigDecimal buy = Money.ofUnits(500_000L + Math.floorMod(h >>> 7, 90_000_000L));
        String description = meter.category() + " - " + meter.subCategory();
        if (license.index() % 7 == 3 && n == 0) {
            buy = Money.ZERO;
            description = meter.category() + " - free tier";
        } else if (license.index() % 11 == 5 && n == 1) {
            buy = buy.negate();
            description = "Service credit - " + meter.category();
        }
        buy = Money.of(buy.multiply(elapsedFraction(month)));
        BigDecimal sell = Money.of(buy.multiply(MARGIN));
        return new Line(sequence, month, license, n, meter, description, 1, sell, buy, sell, buy);
    }

    /** 1 for closed months, the elapsed share of the month for the open one, 0 for future months. */
    private BigDecimal elapsedFraction(YearMonth month) {
        Instant now = clock.instant();
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (!now.isBefore(end)) {
            return BigDecimal.ONE;
        }
        if (!now.isAfter(start)) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(Duration.between(start, now).getSeconds())
                .divide(BigDecimal.valueOf(Duration.between(start, end).getSeconds()), 10, RoundingMode.HALF_UP);
    }
}
