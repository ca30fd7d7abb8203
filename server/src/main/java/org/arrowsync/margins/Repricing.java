package org.arrowsync.margins;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.pricing.PlannedRefusals;
import org.arrowsync.pricing.PriceBook;
import org.arrowsync.pricing.PriceRuleService;
import org.arrowsync.pricing.PricedLines;
import org.arrowsync.pricing.RepricePlan;
import org.arrowsync.pricing.RepricedCustomer;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Progress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-pricing a month already billed under the price rules as they are now. Changing a rule changes no invoice by
 * itself; this compares, for every line of the month (each billing line the billing sync invoices, each license-month
 * consumption tracking bills), what it has been charged with what the rules bill for Arrow's latest amount, and books
 * the difference as a correction, the way reconciliation books one. The preview and the run build the same plan; the
 * run holds the month (as a billing sync does) while it plans and books, so a second run finds nothing left to book.
 */
@Service
public class Repricing {

    private final List<PricedLines> sources;
    private final PriceRuleService rules;
    private final LineScopes scopes;
    private final SettingsService settings;
    private final LicenseBilling licenses;
    private final InvoiceService invoices;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;

    Repricing(
            List<PricedLines> sources,
            PriceRuleService rules,
            LineScopes scopes,
            SettingsService settings,
            LicenseBilling licenses,
            InvoiceService invoices,
            TransactionTemplate transactions) {
        this.sources = sources;
        this.rules = rules;
        this.scopes = scopes;
        this.settings = settings;
        this.licenses = licenses;
        this.invoices = invoices;
        this.transactions = transactions;
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
    }

    /**
     * Checks a request before it is previewed or queued: a month that has begun, settings that exist (the active ones
     * when none are named) and, when named, a customer that exists.
     */
    public LineScope scope(YearMonth period, UUID settingsUuid, UUID customerUuid) {
        return scopes.repricing(period, settingsUuid, customerUuid);
    }

    /** What confirming would book, per customer; writes nothing. */
    public RepriceOutcome preview(LineScope scope) {
        return reads.execute(status -> {
            PlannedRefusals refusals = refusals(scope);
            return preview(scope, plans(scope, refusals), refusals);
        });
    }

    /**
     * Plans and books the month's corrections while holding the month; the queued run of a confirmed re-pricing. A
     * confirmation that carries the plan its preview showed ({@code previewed}, {@link RepriceOutcome#plan}) books
     * nothing when the month's plan is another by now (a rule, a line or an invoice changed since): the operator looks
     * again (D203).
     */
    public RepriceOutcome reprice(LineScope scope, String previewed, Progress progress) {
        LineScope current =
                new LineScope(scope.period(), settings.named(scope.settings().uuid()), scope.customerUuid());
        return transactions.execute(status -> {
            licenses.lockMonthForInvoicing(current.settings().uuid(), current.period());
            PlannedRefusals refusals = refusals(current);
            List<RepricePlan> plans = plans(current, refusals);
            if (previewed != null
                    && !previewed.equals(preview(current, plans, refusals).plan())) {
                throw new RepricingChanged(current.period());
            }
            int booked = 0;
            for (RepricePlan plan : plans) {
                progress.add("lines", plan.lines());
                booked += plan.book(refusal -> {
                    progress.increment("corrections_refused");
                    progress.error(refusal);
                });
            }
            progress.add("compensations", booked);
            // planned again, the month still held: what is left to book is what was refused; settled in the commit that
            // books it, so a confirmation whose server is lost after it reads as booked, not as changed since (D265)
            return progress.settled(
                    RepriceOutcome.booked(current, customersOf(plans), customersOf(plans(current, refusals(current)))));
        });
    }

    /** What the plans would book: what they plan, less what the invoices as they are would refuse. */
    private static RepriceOutcome preview(LineScope scope, List<RepricePlan> plans, PlannedRefusals refusals) {
        return RepriceOutcome.preview(scope, customersOf(plans), byCustomer(refusals.refused()));
    }

    /** The refusals of a plan of the scope's month, as its invoices are read when they are asked for. */
    private PlannedRefusals refusals(LineScope scope) {
        return new PlannedRefusals(customer -> invoices.correctionPlace(customer, scope.period()));
    }

    /** The sources' plans, in the order they book, their refusals counted as booking would meet them. */
    private List<RepricePlan> plans(LineScope scope, PlannedRefusals refusals) {
        PriceBook prices = rules.book(scope.settings());
        return sources.stream()
                .map(source -> source.plan(scope, prices, refusals))
                .toList();
    }

    /** The plans' figures per customer and currency, in customer order. */
    private static Map<RepricedCustomer.Key, RepricedCustomer> customersOf(List<RepricePlan> plans) {
        return byCustomer(
                plans.stream().flatMap(plan -> plan.customers().stream()).toList());
    }

    /** Figures per customer and currency, in customer order. */
    private static Map<RepricedCustomer.Key, RepricedCustomer> byCustomer(List<RepricedCustomer> figures) {
        List<RepricedCustomer> customers = new ArrayList<>(figures);
        customers.sort(Comparator.comparing(RepricedCustomer::customerName)
                .thenComparing(customer -> customer.customerUuid().toString())
                .thenComparing(RepricedCustomer::currency));
        Map<RepricedCustomer.Key, RepricedCustomer> byCustomer = new LinkedHashMap<>();
        customers.forEach(customer -> byCustomer.merge(customer.key(), customer, RepricedCustomer::plus));
        return byCustomer;
    }
}
