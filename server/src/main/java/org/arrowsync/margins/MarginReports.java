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
import java.util.function.Consumer;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.pricing.MarginLine;
import org.arrowsync.pricing.PricedLines;
import org.arrowsync.shared.Csv;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Margin reports over a month's lines, as every feature that bills them lists them: the totals per customer and
 * currency, and the lines themselves as CSV. Both read the same lines in one read-only transaction, streamed, so the
 * totals are the sums of the lines and memory does not grow with the month.
 */
@Service
class MarginReports {

    static final String[] LINE_COLUMNS = {
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
    LineScope scope(YearMonth period, UUID settingsUuid, UUID customerUuid) {
        return scopes.report(period, settingsUuid, customerUuid);
    }

    /**
     * Per customer and currency: Arrow's buy and sell, what was billed, the margin and its share of what was billed.
     */
    List<CustomerMargin> margins(LineScope scope) {
        Map<Totals.Key, Totals> totals = new LinkedHashMap<>();
        forEachLine(
                scope,
                line -> totals.computeIfAbsent(Totals.Key.of(line), key -> new Totals(line))
                        .add(line));
        List<CustomerMargin> margins =
                new ArrayList<>(totals.values().stream().map(Totals::margin).toList());
        margins.sort(Comparator.comparing(CustomerMargin::customerName)
                .thenComparing(CustomerMargin::customerUuid)
                .thenComparing(CustomerMargin::currency));
        return margins;
    }

    /** Every line of the scope as a CSV row after a header row, written as it is read. */
    void writeLines(LineScope scope, Csv csv) {
        csv.row(LINE_COLUMNS);
        forEachLine(
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
                        .end());
    }

    private void forEachLine(LineScope scope, Consumer<MarginLine> consumer) {
        reads.executeWithoutResult(status -> sources.forEach(source -> source.forEach(scope, consumer)));
    }

    /** The running sums of one customer and currency. */
    private static final class Totals {

        private final MarginLine first;
        private BigDecimal buy = BigDecimal.ZERO;
        private BigDecimal sell = BigDecimal.ZERO;
        private BigDecimal billed = BigDecimal.ZERO;

        Totals(MarginLine first) {
            this.first = first;
        }

        void add(MarginLine line) {
            buy = buy.add(line.buy());
            sell = sell.add(line.sell());
            billed = billed.add(line.billed());
        }

        CustomerMargin margin() {
            BigDecimal margin = billed.subtract(buy);
            return new CustomerMargin(
                    Uuids.hex(first.customerUuid()),
                    first.customerName(),
                    first.currency(),
                    Money.summary(buy),
                    Money.summary(sell),
                    Money.summary(billed),
                    Money.summary(margin),
                    billed.signum() == 0
                            ? null
                            : Money.summary(margin.multiply(HUNDRED).divide(billed, MathContext.DECIMAL64)));
        }

        record Key(UUID customerUuid, String currency) {

            static Key of(MarginLine line) {
                return new Key(line.customerUuid(), line.currency());
            }
        }
    }
}
