package org.arrowsync.margins;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.pricing.RepricedCustomer;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Uuids;

/**
 * What re-pricing a month would book (a preview, {@code dry_run} true) or booked (the queued run's result): per
 * customer and currency, what its lines were billed, what the price rules bill, and the corrections for the difference
 * (whole minor units: each line is brought to its price under the rules rounded, D169). A run's result counts what it
 * booked, and a preview what the invoices as they are would take: a correction its customer's invoice could not take
 * (D9, D94, D163) is in {@code corrections_refused} and {@code difference_refused}, not in {@code difference}. What was
 * billed and what the rules bill are what invoices bill, each line rounded to the currency's minor unit, so a preview's
 * {@code difference} and {@code difference_refused} add up to the one less the other.
 */
public record RepriceOutcome(
        String period,
        String settingsUuid,
        @Schema(nullable = true) String customerUuid,
        boolean dryRun,
        int compensations,
        int correctionsRefused,
        List<Customer> customers) {

    /** A {@link #plan}: the hex of a digest's first 16 bytes. */
    private static final Pattern PLAN = Pattern.compile("[0-9a-f]{32}");

    /** What confirming would book: what is planned, less the corrections no invoice would take ({@code refused}). */
    static RepriceOutcome preview(
            LineScope scope,
            Map<RepricedCustomer.Key, RepricedCustomer> planned,
            Map<RepricedCustomer.Key, RepricedCustomer> refused) {
        return of(
                scope,
                true,
                planned.values().stream()
                        .map(customer -> Customer.of(customer, refused.get(customer.key())))
                        .toList());
    }

    /** What a run booked: what it planned, less what was {@code left} to book after it (the corrections refused). */
    static RepriceOutcome booked(
            LineScope scope,
            Map<RepricedCustomer.Key, RepricedCustomer> planned,
            Map<RepricedCustomer.Key, RepricedCustomer> left) {
        return of(
                scope,
                false,
                planned.values().stream()
                        .map(customer -> Customer.of(customer, left.get(customer.key())))
                        .toList());
    }

    private static RepriceOutcome of(LineScope scope, boolean dryRun, List<Customer> customers) {
        return new RepriceOutcome(
                scope.period().toString(),
                Uuids.hex(scope.settings().uuid()),
                Uuids.hex(scope.customerUuid()),
                dryRun,
                customers.stream().mapToInt(Customer::compensations).sum(),
                customers.stream().mapToInt(Customer::correctionsRefused).sum(),
                customers);
    }

    /**
     * A short digest of the plan: a confirmation carries the one its preview showed, and the run books only the same
     * plan (D203). Not on the wire.
     */
    @JsonIgnore
    public String plan() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((period + "|" + settingsUuid + "|" + customerUuid + "|" + customers)
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether the text is a plan as {@link #plan} writes it. */
    public static boolean isPlan(String text) {
        return text != null && PLAN.matcher(text).matches();
    }

    @Schema(name = "RepricedCustomer")
    public record Customer(
            String customerUuid,
            String customerName,
            String currency,
            BigDecimal billedNow,
            BigDecimal billedUnderRules,
            BigDecimal difference,
            int compensations,
            BigDecimal differenceRefused,
            int correctionsRefused) {

        /**
         * A customer's plan, less what was {@code left} to book after the run, or what a preview finds no invoice would
         * take (none: all booked, or all would be).
         */
        static Customer of(RepricedCustomer planned, RepricedCustomer left) {
            BigDecimal refused = left == null ? BigDecimal.ZERO : left.difference();
            int refusedCorrections = left == null ? 0 : left.compensations();
            return new Customer(
                    Uuids.hex(planned.customerUuid()),
                    planned.customerName(),
                    planned.currency(),
                    Money.stored(planned.billedNow()),
                    Money.stored(planned.billedUnderRules()),
                    Money.stored(planned.difference().subtract(refused)),
                    planned.compensations() - refusedCorrections,
                    Money.stored(refused),
                    refusedCorrections);
        }
    }
}
