package org.arrowsync.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.Statement;
import org.arrowsync.arrowclient.StatementQuery;
import org.arrowsync.arrowclient.StatementState;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.mappings.MappingIndex;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.DaemonThreads;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Texts;
import org.arrowsync.shared.ValidationGrace;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks synced months validated when Arrow says they are final (D6): the customer's statement is Fulfilled, or every
 * line carried a Validation Date. Only where Arrow says nothing (no statement, a statement without status, or no
 * statements API for the account), the calendar decides: month over plus a grace period. The sync's {@code arrow_state}
 * says which: {@code validated} or {@code validated_by_calendar}. A sync a forced reconciliation closed before Arrow's
 * word is judged alike and stays reconciled; its month is among those validated, to be reconciled again (D107).
 */
@Service
public class BillingValidation {

    private final SettingsService settings;
    private final BillingSyncRepository syncs;
    private final ArrowClients clients;
    private final ValidationGrace grace;
    private final TransactionTemplate transactions;
    private final LicenseBilling licenses;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BillingValidation(
            SettingsService settings,
            BillingSyncRepository syncs,
            ArrowClients clients,
            ValidationGrace grace,
            TransactionTemplate transactions,
            LicenseBilling licenses,
            ApplicationEventPublisher events,
            Clock clock) {
        this.settings = settings;
        this.events = events;
        this.syncs = syncs;
        this.clients = clients;
        this.grace = grace;
        this.transactions = transactions;
        this.licenses = licenses;
        this.clock = clock;
    }

    /**
     * Validates what Arrow considers final, in every month; returns the months it validated syncs of (for
     * reconciliation).
     */
    public ValidationReport check(UUID settingsUuid, Progress progress) {
        Settings chosen = settings.named(settingsUuid);
        ArrowClient client = clients.connect(chosen.connection());
        return check(chosen, syncs.periodsAwaitingArrow(chosen.id()), period -> read(client, period), progress);
    }

    /**
     * The same check of one month, begun as a billing sync of it starts and completed as it ends (D68): Arrow's
     * statements of the month are read on another thread while the sync reads the export, so the check adds little to
     * the sync's time. A month not over yet has nothing final to find, so it asks Arrow nothing.
     */
    public MonthCheck startCheck(UUID settingsUuid, YearMonth period) {
        if (!period.isBefore(YearMonth.now(clock))) {
            return MonthCheck.NONE;
        }
        Settings chosen = settings.named(settingsUuid);
        ArrowClient client = clients.connect(chosen.connection());
        CompletableFuture<MonthStatements> statements =
                CompletableFuture.supplyAsync(() -> read(client, period), DaemonThreads.named("statements-read-ahead"));
        return progress -> check(
                chosen,
                syncs.hasSyncsAwaitingArrow(chosen.id(), period) ? new TreeSet<>(List.of(period)) : new TreeSet<>(),
                month -> joined(statements),
                progress);
    }

    /** A month's validation check under way: {@link #complete} judges the month's syncs once the sync has ended. */
    @FunctionalInterface
    public interface MonthCheck {

        /** A check that judges nothing: of a month not over, or after a sync that read part of the month. */
        MonthCheck NONE = progress -> ValidationReport.NONE;

        ValidationReport complete(Progress progress);
    }

    /** Judges the syncs of each month that Arrow may still validate, as they are once the month's lock is taken. */
    private ValidationReport check(
            Settings chosen,
            SortedSet<YearMonth> periods,
            Function<YearMonth, MonthStatements> statementsOf,
            Progress progress) {
        Set<String> validatedPeriods = new TreeSet<>();
        int validated = 0;
        for (YearMonth period : periods) {
            Map<String, StatementState> statements = speaking(statementsOf.apply(period), period, progress);
            if (statements == null) {
                continue;
            }
            int marked = transactions.execute(status -> {
                // Under the month's billing lock: a sync running now finishes first, then its syncs are judged as it
                // left them (read again: whether all their lines carry a Validation Date may have changed meanwhile).
                licenses.lockMonthExclusive(chosen.uuid(), period);
                // One instant for the whole judgement: the syncs read are those the calendar's answer then selects
                Instant now = clock.instant();
                List<BillingSyncRepository.Validated> validatedNow = new ArrayList<>();
                for (BillingSync sync : candidates(chosen, period, statements, now)) {
                    String signal = signal(sync, statements.get(MappingIndex.reference(sync.arrowReference())), now);
                    if (signal != null) {
                        validatedNow.add(new BillingSyncRepository.Validated(sync.id(), sync.markValidated(), signal));
                    }
                }
                int saved = syncs.saveValidated(validatedNow, now);
                if (saved > 0) {
                    // told of in the commit that validates them: a server lost after it would leave them untold, as
                    // the next check finds them validated (D269, D289)
                    events.publishEvent(new BillingValidated(chosen.uuid(), saved, List.of(period.toString())));
                }
                return saved;
            });
            if (marked > 0) {
                validatedPeriods.add(period.toString());
                validated += marked;
            }
            if (grace.over(period, clock.instant())) {
                reportHeldBack(chosen, period, statements, progress);
            }
        }
        progress.add("validated", validated);
        return new ValidationReport(validated, List.copyOf(validatedPeriods));
    }

    /**
     * The month's syncs awaiting Arrow's word (synced, or reconciled by force before it: D107) that {@link #signal} may
     * find final. While no statement is fulfilled and the calendar decides for no customer (its grace runs, or the
     * customer of every mapping with such a sync has a statement that speaks), only those whose lines all carried a
     * Validation Date: a month Arrow is still validating is not read whole after each of its syncs.
     */
    private List<BillingSync> candidates(
            Settings chosen, YearMonth period, Map<String, StatementState> statements, Instant now) {
        boolean anyFulfilled = statements.containsValue(StatementState.FULFILLED);
        boolean calendarDecides = grace.over(period, now)
                && !syncs.mappingReferencesAwaitingArrow(chosen.id(), period).stream()
                        .allMatch(reference -> statements.containsKey(MappingIndex.reference(reference)));
        return anyFulfilled || calendarDecides
                ? syncs.awaitingArrow(chosen.id(), period)
                : syncs.awaitingArrowWithValidatedLines(chosen.id(), period);
    }

    /**
     * The arrow_state to record if the sync is final now, else null: Arrow's word first (the statement that speaks for
     * the customer, the lines' Validation Date), the calendar only without it.
     */
    private String signal(BillingSync sync, StatementState statement, Instant now) {
        if (statement == StatementState.FULFILLED || sync.linesValidated()) {
            return "validated";
        }
        if (statement != null) {
            return null;
        }
        return grace.over(sync.reportPeriod(), now) ? "validated_by_calendar" : null;
    }

    /**
     * What Arrow's statements say of the month, by customer (D6, D25, D30): for a customer with several (one per vendor
     * program) one not final speaks for it, else one without status, else a fulfilled one; so it counts as final only
     * when all are. A customer is absent when Arrow gives no signal for it: no statement, or a statement without
     * status. Only the state that speaks is kept, not the statements: the month's are held while its sync runs.
     */
    private static MonthStatements read(ArrowClient client, YearMonth period) {
        try {
            Map<String, StatementState> speaking = client.statements(StatementQuery.forPeriod(period)).stream()
                    .collect(Collectors.toMap(
                            statement -> MappingIndex.reference(statement.customerReference()),
                            Statement::state,
                            (first, second) -> rank(second) > rank(first) ? second : first,
                            HashMap::new));
            speaking.values().removeIf(state -> !state.isSignal());
            return new MonthStatements(speaking, null);
        } catch (ArrowException e) {
            return new MonthStatements(Map.of(), e);
        }
    }

    private static MonthStatements joined(CompletableFuture<MonthStatements> statements) {
        try {
            return statements.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Names the customers whose month stays open past its grace because a statement of theirs is not final (Rejected,
     * Open, Needs Validation): the calendar never decides for them, and the month is neither frozen nor reconciled
     * until Arrow fulfils it.
     */
    private void reportHeldBack(
            Settings chosen, YearMonth period, Map<String, StatementState> statements, Progress progress) {
        Map<StatementState, List<String>> held = new TreeMap<>();
        for (String reference : syncs.mappingReferencesAwaitingArrow(chosen.id(), period)) {
            StatementState state = statements.get(MappingIndex.reference(reference));
            if (state != null && state != StatementState.FULFILLED) {
                held.computeIfAbsent(state, any -> new ArrayList<>()).add(reference);
            }
        }
        held.forEach((state, references) -> {
            progress.add("held_by_statements", references.size());
            progress.error(period + " stays open past its grace for " + Texts.some(references, 5)
                    + ": Arrow's statement is " + state.label() + ", not fulfilled");
        });
    }

    /**
     * The statements that speak for the month's customers; none when the account's statements API refuses (403: the key
     * lacks that right) or does not exist (404), so the lines' Validation Date, else the calendar, decides. Null when
     * Arrow failed otherwise (401, 5xx, time-outs): an outage, so validation is postponed.
     */
    private static Map<String, StatementState> speaking(MonthStatements read, YearMonth period, Progress progress) {
        ArrowException e = read.failure();
        if (e == null) {
            return read.speaking();
        }
        if (e.status() == 403 || e.status() == 404) {
            progress.increment("statements_unavailable");
            progress.error("Statements of " + period + " refused (HTTP " + e.status()
                    + "): validated from the lines' Validation Date, else by the calendar");
            return Map.of();
        }
        progress.error("Statements of " + period + " unavailable, validation postponed: " + e.getMessage());
        return null;
    }

    /** A month's statements as read from Arrow by customer, or the failure that stopped reading them. */
    private record MonthStatements(Map<String, StatementState> speaking, ArrowException failure) {}

    /** Which of a customer's statements speaks for it: one not final, else one without status, else a fulfilled one. */
    private static int rank(StatementState state) {
        return state == StatementState.FULFILLED ? 0 : state.isSignal() ? 2 : 1;
    }

    public record ValidationReport(int validated, List<String> periods) {

        static final ValidationReport NONE = new ValidationReport(0, List.of());
    }
}
