package org.arrowsync.margins;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.pricing.MarginTotals;
import org.arrowsync.pricing.PricedLines;
import org.arrowsync.shared.Csv;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Margin reports over a month's lines, as every feature that bills them lists them: the totals per customer and
 * currency (each feature adds its lines up where they are, with the same amounts it lists them with) and the lines
 * themselves as CSV (streamed in one read-only transaction: memory does not grow with the month).
 */
@Service
public class MarginReports {

    public static final String[] LINE_COLUMNS = {
        "customer",
        "vendor",
        "subscription_reference",
        "license_reference",
        "classification",
        "quantity",
        "buy",
        "sell",
        "billed",
        "margin",
        "currency",
        "invoice_uuid",
        "invoice_item_uuid"
    };
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<PricedLines> sources;
    private final LineScopes scopes;
    private final TransactionTemplate reads;

    MarginReports(List<PricedLines> sources, LineScopes scopes, TransactionTemplate transactions) {
        this.sources = sources;
        this.scopes = scopes;
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
    }

    /** The month (required), and the settings and customer when named (each must exist). */
    public LineScope scope(YearMonth period, UUID settingsUuid, UUID customerUuid) {
        return scopes.report(period, settingsUuid, customerUuid);
    }

    /**
     * Per customer and currency: Arrow's buy and sell, what was billed, the margin and its share of what was billed.
     */
    public List<CustomerMargin> margins(LineScope scope) {
        Map<Key, MarginTotals> totals = new LinkedHashMap<>();
        reads.executeWithoutResult(status -> sources.forEach(
                source -> source.totals(scope).forEach(sums -> totals.merge(Key.of(sums), sums, MarginTotals::plus))));
        List<CustomerMargin> margins = new ArrayList<>(
                totals.values().stream().map(MarginReports::margin).toList());
        margins.sort(Comparator.comparing(CustomerMargin::customerName)
                .thenComparing(CustomerMargin::customerUuid)
                .thenComparing(CustomerMargin::currency));
        return margins;
    }

    /** Every line of the scope as a CSV row after a header row, written as it is read. */
    public void writeLines(LineScope scope, Csv csv) {
        csv.row(LINE_COLUMNS);
        reads.executeWithoutResult(status -> sources.forEach(source -> source.forEach(
                scope,
                line -> csv.text(line.customerName())
                        .text(line.vendorName())
                        .text(line.subscriptionReference())
                        .text(line.licenseReference())
                        .text(line.classification())
                        .number(line.quantity())
                        .number(line.buy())
                        .number(line.sell())
                        .number(line.billed())
                        .number(line.margin())
                        .text(line.currency())
                        .text(Uuids.hex(line.invoiceUuid()))
                        .text(Uuids.hex(line.invoiceItemUuid()))
                        .end())));
    }

    private static CustomerMargin margin(MarginTotals sums) {
        BigDecimal margin = sums.billed().subtract(sums.buy());
        return new CustomerMargin(
                Uuids.hex(sums.customerUuid()),
                sums.customerName(),
                sums.currency(),
                Money.summary(sums.buy(), sums.currency()),
                Money.summary(sums.sell(), sums.currency()),
                Money.summary(sums.billed(), sums.currency()),
                Money.summary(margin, sums.currency()),
                sums.billed().signum() == 0
                        ? null
                        : Money.summary(margin.multiply(HUNDRED).divide(sums.billed(), MathContext.DECIMAL64)));
    }

    /** Sums of the same customer and currency from several sources are added up. */
    private record Key(UUID customerUuid, String currency) {

        static Key of(MarginTotals sums) {
            return new Key(sums.customerUuid(), sums.currency());
        }
    }
}
