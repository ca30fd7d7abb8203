package org.arrowsync.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.arrowsync.shared.Progress;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Counts and first errors of a running job, written to its row at most once a second so watching costs little. */
final class JobProgress implements Progress {

    static final int KEPT_ERRORS = 20;
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

    private final UUID job;
    private final JobRepository jobs;
    private final TransactionTemplate ownTransaction;
    private final Function<Object, JsonNode> results;
    private final Clock clock;
    private final Map<String, Long> counts = new TreeMap<>();
    private final List<String> errors = new ArrayList<>();
    private long errorCount;
    private Instant lastFlush;

    /**
     * {@code ownTransaction} must start a new transaction: progress is reported from inside the feature's own, long
     * one. {@code results} writes a run's outcome as its job stores it.
     */
    JobProgress(
            UUID job,
            JobRepository jobs,
            TransactionTemplate ownTransaction,
            Function<Object, JsonNode> results,
            Clock clock) {
        this.job = job;
        this.jobs = jobs;
        this.ownTransaction = ownTransaction;
        this.results = results;
        this.clock = clock;
        this.lastFlush = clock.instant();
    }

    @Override
    public synchronized void add(String count, long amount) {
        counts.merge(count, amount, Long::sum);
        flushIfDue();
    }

    /**
     * Counts every problem, and keeps the first {@value #KEPT_ERRORS} different ones: a problem met twice in one job (a
     * reconciliation reads the rows its own sync read, D105) is listed once.
     */
    @Override
    public synchronized void error(String message) {
        errorCount++;
        if (errors.size() < KEPT_ERRORS && !errors.contains(message)) {
            errors.add(message);
        }
        counts.put("errors", errorCount);
        flushIfDue();
    }

    /** The job finished with {@code outcome}, written in the caller's transaction (not {@code ownTransaction}). */
    @Override
    public synchronized <T> T settled(T outcome) {
        jobs.finish(job, JobState.SUCCEEDED, counts(), errors(), results.apply(outcome), "", clock.instant());
        return outcome;
    }

    synchronized JsonNode counts() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        counts.forEach(node::put);
        return node;
    }

    synchronized JsonNode errors() {
        ArrayNode node = JsonNodeFactory.instance.arrayNode();
        errors.forEach(node::add);
        return node;
    }

    private void flushIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastFlush, now).compareTo(FLUSH_EVERY) >= 0) {
            lastFlush = now;
            JsonNode counts = counts();
            JsonNode errors = errors();
            ownTransaction.executeWithoutResult(status -> jobs.saveProgress(job, counts, errors));
        }
    }
}
