package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.BillingLineResult;
import org.arrowsync.billing.BillingSyncRepository.SyncKey;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Progress;

/**
 * The reading half of a sync run: export lines are checked, matched to customer mappings (D13) and to their billing
 * syncs, which are created a page at a time; frozen syncs and repeated lines are left out and reported.
 */
final class LineMatching {

    private final Settings settings;
    private final YearMonth period;
    private final String licenseFilter;
    private final MappingIndex mappings;
    private final Placement placement;
    private final BillingWriters writers;
    private final Progress progress;
    private final Map<String, BillingSync> syncs = new HashMap<>();
    private final Map<Long, Boolean> allValidated = new HashMap<>();
    private final Set<String> reportedUnmatched = new HashSet<>();
    private final Map<UnmatchedKey, UnmatchedCustomer> unmatched = new LinkedHashMap<>();
    private long rows;

    LineMatching(
            Settings settings,
            YearMonth period,
            String licenseFilter,
            List<CustomerMapping> mappings,
            Placement placement,
            BillingWriters writers,
            Progress progress) {
        this.settings = settings;
        this.period = period;
        this.licenseFilter = licenseFilter;
        this.mappings = new MappingIndex(mappings);
        this.placement = placement;
        this.writers = writers;
        this.progress = progress;
    }

    long rows() {
        return rows;
    }

    boolean linesValidated(long syncId) {
        return allValidated.getOrDefault(syncId, false);
    }

    /** The Arrow customers whose lines matched no mapping, with their lines and amounts, per currency. */
    List<UnmatchedCustomer> unmatched() {
        return List.copyOf(unmatched.values());
    }

    /** The page's lines that this run bills, each with its sync and chosen amount. */
    List<Line> lines(List<BillingLineResult> page) {
        return matched(parse(page));
    }

    /** A valid, matched line before its sync is known. */
    private record Parsed(BillingLine line, CustomerMapping mapping, String statement) {

        String key() {
            return mapping.id() + "|" + statement;
        }
    }

    private List<Parsed> parse(List<BillingLineResult> page) {
        List<Parsed> parsed = new ArrayList<>();
        for (BillingLineResult result : page) {
            rows++;
            if (!result.isValid()) {
                progress.increment("invalid_lines");
                progress.error("Line " + result.reference() + ": " + result.problem());
                continue;
            }
            BillingLine line = result.line();
            if (licenseFilter != null && !licenseFilter.equals(line.licenseReference())) {
                continue;
            }
            Optional<CustomerMapping> mapping = mappings.match(line);
            if (mapping.isEmpty()) {
                unmatched(line);
                continue;
            }
            String statement = line.statementReference() != null
                            && !line.statementReference().isBlank()
                    ? line.statementReference()
                    : "SYNC-" + period + "-" + mapping.get().arrowReference();
            parsed.add(new Parsed(line, mapping.get(), statement));
        }
        List<SyncKey> missing = parsed.stream()
                .filter(p -> !syncs.containsKey(p.key()))
                .map(p -> new SyncKey(
                        p.mapping().id(),
                        p.statement(),
                        placement.billedInvoice(p.mapping()).id()))
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            writers.syncs()
                    .getOrCreateAll(missing, period, writers.now())
                    .forEach(sync -> syncs.put(sync.mappingId() + "|" + sync.statementReference(), sync));
        }
        return parsed;
    }

    private void unmatched(BillingLine line) {
        progress.increment("unmatched_lines");
        String currency = currency(line);
        BigDecimal amount = settings.priceSource().choose(line.sellTotal(), line.buyTotal());
        UnmatchedKey key = new UnmatchedKey(MappingIndex.name(line.companyName()), currency);
        if (reportedUnmatched.add(key.name())) {
            progress.error("No customer mapping for Arrow customer '" + line.companyName() + "' ("
                    + line.customerReference() + ")");
        }
        unmatched.merge(
                key,
                new UnmatchedCustomer(
                        orEmpty(line.customerReference()), orEmpty(line.companyName()), currency, 1, amount),
                (known, one) -> new UnmatchedCustomer(
                        known.customerReference(),
                        known.companyName(),
                        currency,
                        known.lines() + 1,
                        known.amount().add(amount)));
    }

    private static String currency(BillingLine line) {
        return line.currency() == null || line.currency().isBlank() ? Money.DEFAULT_CURRENCY : line.currency();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    /** Unmatched lines are summed per Arrow customer (by name, as matching compares it) and currency. */
    private record UnmatchedKey(String name, String currency) {}

    private List<Line> matched(List<Parsed> parsed) {
        List<Line> lines = new ArrayList<>();
        Set<String> inPage = new HashSet<>();
        for (Parsed p : parsed) {
            BillingSync sync = syncs.get(p.key());
            BillingLine line = p.line();
            if (sync.state().frozen()) {
                progress.increment("frozen_lines");
                continue;
            }
            if (!inPage.add(sync.id() + "|" + line.lineReference())) {
                progress.increment("duplicate_lines");
                progress.error(
                        "Line " + line.lineReference() + " appears twice in the export: the second one is ignored");
                continue;
            }
            allValidated.merge(sync.id(), line.validated(), Boolean::logicalAnd);
            String currency = currency(line);
            lines.add(new Line(
                    sync,
                    p.mapping(),
                    line,
                    settings.priceSource().choose(line.sellTotal(), line.buyTotal()),
                    currency));
        }
        return lines;
    }
}
