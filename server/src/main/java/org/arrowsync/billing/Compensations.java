package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.ledger.Invoice;
import org.arrowsync.ledger.InvoiceItem;
import org.arrowsync.ledger.InvoiceItemDraft;
import org.arrowsync.ledger.NoPlacement;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService.CustomerLicense;
import org.arrowsync.pricing.Price;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.Money;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Corrections of billed lines, as reconciliation and re-pricing book them (D4, D7, D8): each brings what a line has
 * been charged (its item and earlier corrections) to a target; a correction goes on the billed month's invoice while it
 * is pending, else the customer's current one, names the month it corrects and the resource and project its line
 * billed. What a line was billed and its target are compared rounded to the currency's minor unit, as its invoice bills
 * them, so a line ends up billed its target rounded, whatever it was corrected from (D169).
 */
final class Compensations {

    /** Arrow dropped the line: it is credited whole. */
    static final String LINE_REMOVED = "line_removed";
    /** The price rules bill the line differently from what it was charged. */
    static final String REPRICED = "repriced";
    /** Arrow lists the line under a license-month that consumption tracking bills now (D119): it is credited whole. */
    static final String LICENSE_MOVED = "license_moved";

    private final Settings settings;
    private final YearMonth period;
    private final BillingWriters writers;
    private final List<Compensation> planned = new ArrayList<>();

    private final Map<UUID, Optional<Invoice>> placements = new HashMap<>();
    /**
     * Why a customer of {@link #placements} has no invoice for its corrections: looked up once per customer and run.
     */
    private final Map<UUID, NoPlacement> unplaceable = new HashMap<>();

    Compensations(Settings settings, YearMonth period, BillingWriters writers) {
        this.settings = settings;
        this.period = period;
        this.writers = writers;
    }

    /**
     * Plans the correction that brings the item's charge to {@code target}, when it needs one; returns its amount, zero
     * when none. A line whose license-month consumption tracking bills is corrected there, never here (D2).
     *
     * @param price how Arrow's amount was priced (the target but for {@link #LICENSE_MOVED}), null for a dropped line
     * @param reason why, beside Arrow's final amount: {@link #LINE_REMOVED}, {@link #REPRICED}, {@link #LICENSE_MOVED}
     *     or null
     */
    BigDecimal consider(BillingSyncItem item, BillingSync sync, BigDecimal target, Price price, String reason) {
        if (item.billedVia() == BilledVia.CONSUMPTION) {
            return BigDecimal.ZERO;
        }
        BigDecimal difference = Money.correction(target, item.billed(), item.currency());
        if (difference.signum() == 0) {
            return BigDecimal.ZERO;
        }
        planned.add(new Compensation(item, sync, target, difference, price, reason));
        return difference;
    }

    /** How many items the planned corrections make: one each. */
    int size() {
        return planned.size();
    }

    /** The corrections planned so far, in the order they were considered. */
    List<Compensation> planned() {
        return List.copyOf(planned);
    }

    /**
     * Leaves out what cannot be booked now, each refusal given to {@code refuse}, then claims the license-months of the
     * rest for billing (D108: a correction left out claims nothing):
     *
     * <ul>
     *   <li>a line that charges nothing so far may have no claim on its license-month; if it now charges something, it
     *       may only do so when consumption tracking does not bill that month (D2), else it is left out, refused by
     *       nobody;
     *   <li>a correction that cannot go on its customer's invoice is refused: in another currency than that invoice's
     *       (D9), or its customer has no open invoice (D94);
     *   <li>one naming no license claims its customer's month (D69).
     * </ul>
     */
    void settle(BiConsumer<Compensation, Refusal> refuse) {
        List<String> unbilled = unbilledLicenses();
        Map<String, BillingPath> owners =
                unbilled.isEmpty() ? Map.of() : writers.licenses().owners(unbilled, period);
        planned.removeIf(c -> billedByConsumption(c, owners));
        leaveOutUnplaceable(refuse);
        UnlicensedLines unlicensed = new UnlicensedLines();
        planned.stream()
                .filter(c -> c.item().billedVia() == BilledVia.ZERO
                        && c.item().licenseReference().isBlank())
                .forEach(c -> unlicensed.add(
                        c.sync().customerUuid(),
                        new UnlicensedLines.First(
                                c.sync().customerId(),
                                "customer '" + c.sync().customerName() + "'",
                                c.item().lineReference())));
        unlicensed.bill(writers, period, settings.exportTypeReference());
        List<String> unclaimed = unbilledLicenses();
        if (!unclaimed.isEmpty()) {
            // claimed now, and left out if consumption tracking claimed one since the look-up above
            Map<String, BillingPath> claimed = writers.licenses().claimAll(unclaimed, period, BillingPath.BILLING);
            planned.removeIf(c -> billedByConsumption(c, claimed));
        }
    }

    /** The licenses of the planned corrections whose lines charge nothing so far: maybe no claim on their month yet. */
    private List<String> unbilledLicenses() {
        return planned.stream()
                .map(Compensation::item)
                .filter(item -> chargedNothing(item) && !item.licenseReference().isBlank())
                .map(BillingSyncItem::licenseReference)
                .distinct()
                .toList();
    }

    private static boolean billedByConsumption(Compensation c, Map<String, BillingPath> owners) {
        return chargedNothing(c.item()) && owners.get(c.item().licenseReference()) == BillingPath.CONSUMPTION;
    }

    /**
     * Whether the line charges nothing here so far: zero when synced, or corrected to zero since. Such a line may have
     * no claim on its license-month, as when Arrow moved it to another license (D119).
     */
    private static boolean chargedNothing(BillingSyncItem item) {
        return item.billedVia() == BilledVia.ZERO
                || (item.billedVia() == BilledVia.INVOICE && item.billed().signum() == 0);
    }

    private void leaveOutUnplaceable(BiConsumer<Compensation, Refusal> refuse) {
        Map<Long, String> currencies = new HashMap<>();
        planned.removeIf(c -> {
            Optional<Invoice> invoice = placement(c.sync().customerUuid());
            if (invoice.isEmpty()) {
                NoPlacement none = unplaceable.computeIfAbsent(
                        c.sync().customerUuid(), customer -> writers.invoices().noPlacement(customer, period));
                refuse.accept(c, new Refusal(none.why(period), none.mayPass()));
                return true;
            }
            String currency = currencies.computeIfAbsent(
                    invoice.get().id(),
                    id -> writers.invoices()
                            .currencyOf(invoice.get())
                            .orElse(c.item().currency()));
            if (!currency.equals(c.item().currency())) {
                refuse.accept(
                        c,
                        new Refusal(
                                "in " + c.item().currency() + ", its invoice of "
                                        + invoice.get().period() + " in " + currency + " (D9)",
                                false));
                return true;
            }
            return false;
        });
    }

    /** Where the customer's corrections go (D7), if anywhere: looked up once per customer and run. */
    private Optional<Invoice> placement(UUID customer) {
        return placements.computeIfAbsent(customer, key -> writers.invoices().placement(key, period));
    }

    /** The invoice the customer's corrections go on; {@link #leaveOutUnplaceable} left out those that have none. */
    Invoice invoiceFor(UUID customer) {
        return placement(customer).orElseGet(() -> writers.invoices().openInvoiceFor(customer, period));
    }

    /** Writes the planned corrections as invoice items and on their lines; returns their sum. */
    BigDecimal book() {
        Map<Invoice, List<Compensation>> byInvoice = new LinkedHashMap<>();
        for (Compensation compensation : planned) {
            byInvoice
                    .computeIfAbsent(invoiceFor(compensation.sync().customerUuid()), key -> new ArrayList<>())
                    .add(compensation);
        }
        // A correction names the resource and project its line billed, as the reference copies them.
        Map<Long, InvoiceItem> originals = new HashMap<>();
        writers.invoices()
                .items(planned.stream()
                        .map(c -> c.item().invoiceItemId())
                        .filter(Objects::nonNull)
                        .toList())
                .forEach(item -> originals.put(item.id(), item));
        // a line that billed nothing yet has no item to copy them from: its license's resource, as a sync would name
        Map<CustomerLicense, Resource> resources = writers.resources()
                .byLicense(planned.stream()
                        .filter(c -> original(c, originals) == null)
                        .map(c -> c.item().licenseReference())
                        .filter(license -> !license.isBlank())
                        .distinct()
                        .toList());
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<Invoice, List<Compensation>> entry : byInvoice.entrySet()) {
            List<Compensation> booked = entry.getValue();
            List<Long> ids = writers.invoices()
                    .addItems(
                            entry.getKey(),
                            booked.stream()
                                    .map(c -> draft(c, original(c, originals), resources))
                                    .toList());
            for (int i = 0; i < ids.size(); i++) {
                Compensation c = booked.get(i);
                writers.items()
                        .recordCompensation(
                                c.item().id(),
                                c.difference(),
                                ids.get(i),
                                c.arrowAmount(),
                                LINE_REMOVED.equals(c.reason()),
                                writers.now());
                total = total.add(c.difference());
            }
        }
        return total;
    }

    private static InvoiceItem original(Compensation c, Map<Long, InvoiceItem> originals) {
        return c.item().invoiceItemId() == null ? null : originals.get(c.item().invoiceItemId());
    }

    private InvoiceItemDraft draft(Compensation c, InvoiceItem original, Map<CustomerLicense, Resource> resources) {
        String kind = c.difference().signum() > 0 ? "additional charge" : "credit";
        if (REPRICED.equals(c.reason())) {
            kind = "re-pricing " + kind;
        }
        // D23: which license and Arrow line it corrects, so two corrections of one product read apart
        String license = c.item().licenseReference().isBlank() ? "" : c.item().licenseReference() + ", ";
        String name =
                settings.itemPrefixOrDefault() + " adjustment: " + c.item().description() + " (" + license + "line "
                        + c.item().lineReference() + ": " + kind + " for " + period + ")";
        ObjectNode details = JsonNodeFactory.instance
                .objectNode()
                .put("source", "arrow_reconciliation")
                .put("original_line_reference", c.item().lineReference())
                .put("original_price", c.item().originalPrice().toPlainString())
                .put("previously_charged", c.item().billed().toPlainString())
                .put("final_price", c.target().toPlainString())
                .put("original_period", period.toString())
                .put("report_period", period.toString())
                .put("license_reference", c.item().licenseReference());
        if (c.reason() != null) {
            details.put("reason", c.reason());
        }
        if (c.price() != null) {
            c.price().describe(details);
        }
        Resource resource = resources.get(
                new CustomerLicense(c.sync().customerUuid(), c.item().licenseReference()));
        return new InvoiceItemDraft(
                name,
                c.difference(),
                BigDecimal.ONE,
                "quantity",
                c.item().currency(),
                period.atDay(1),
                period.atEndOfMonth(),
                original != null ? original.resource() : resource == null ? null : resource.ref(),
                original != null ? original.project() : resource == null ? null : resource.project(),
                details);
    }

    /** One line's correction: the amount it brings the line's charge to, and by how much. */
    record Compensation(
            BillingSyncItem item,
            BillingSync sync,
            BigDecimal target,
            BigDecimal difference,
            Price price,
            String reason) {

        /**
         * What Arrow bills for the line now, priced: its target, but for a line credited because another path bills it
         * now (D119), and none for a line Arrow dropped.
         */
        BigDecimal arrowAmount() {
            return price == null ? target : price.billed();
        }

        /** The job's error for this correction, left out as {@code refusal} says. */
        String notCorrected(Refusal refusal) {
            return refusal.of(item.lineReference(), sync.customerName());
        }
    }

    /**
     * Why a correction was left out; {@code waitsForInvoice}: its customer had no open invoice (D94), which a later run
     * may find, unlike an invoice in another currency or a month whose invoice was canceled (D163).
     */
    record Refusal(String why, boolean waitsForInvoice) {

        /** The job's error for the line of the customer that this refusal leaves uncorrected. */
        String of(String lineReference, String customerName) {
            return "Line " + lineReference + " of " + customerName + " is not corrected: " + why;
        }
    }
}
