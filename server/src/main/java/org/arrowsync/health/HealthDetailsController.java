package org.arrowsync.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arrowsync.jobs.JobStatistics;
import org.arrowsync.settings.ArrowHealth;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Uuids;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For staff (the web layer checks the token): the database, the job queue (waiting, running, how long the oldest has
 * waited, the kinds whose latest run failed) and, for each settings record in use, whether its Arrow API answers. 200
 * while the database answers, 503 otherwise; {@code /health} stays the load balancer's probe.
 */
@RestController
class HealthDetailsController {

    private final JdbcClient jdbc;
    private final JobStatistics jobs;
    private final SettingsService settings;
    private final ArrowReachability reachability;
    private final ArrowHealth health;

    HealthDetailsController(
            JdbcClient jdbc,
            JobStatistics jobs,
            SettingsService settings,
            ArrowReachability reachability,
            ArrowHealth health) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.settings = settings;
        this.reachability = reachability;
        this.health = health;
    }

    @GetMapping("/health/details")
    ResponseEntity<HealthDetails> details() {
        try {
            jdbc.sql("select 1").query(Integer.class).single();
        } catch (DataAccessException e) {
            return ResponseEntity.status(503).body(new HealthDetails("DOWN", "DOWN", null, List.of()));
        }
        List<ArrowApi> arrow = settings.inUse().stream().map(this::arrow).toList();
        JobQueue queue = queue();
        boolean degraded = !queue.failing().isEmpty() || arrow.stream().anyMatch(one -> !one.reachable());
        return ResponseEntity.ok(new HealthDetails(degraded ? "DEGRADED" : "UP", "UP", queue, arrow));
    }

    private JobQueue queue() {
        Map<String, Long> byState = new TreeMap<>();
        jobs.counts().forEach(count -> byState.merge(count.state(), count.jobs(), Long::sum));
        return new JobQueue(
                byState.getOrDefault("queued", 0L),
                byState.getOrDefault("running", 0L),
                jobs.queueLag().toSeconds(),
                jobs.latestRuns().stream()
                        .filter(run -> !run.succeeded())
                        .map(run -> new FailingKind(
                                run.kind().value(), Uuids.hex(run.settingsUuid()), run.finished(), run.errorMessage()))
                        .toList());
    }

    private ArrowApi arrow(Settings one) {
        ArrowReachability.Reachability known = reachability.of(one.apiUrl()).orElse(null);
        ArrowHealth.ConnectionHealth calls = health.of(one).orElse(null);
        return new ArrowApi(
                Uuids.hex(one.uuid()),
                one.apiUrl(),
                one.active(),
                one.syncEnabled(),
                known == null || known.reachable(),
                known == null ? null : known.since(),
                calls == null ? null : calls.lastSuccess(),
                calls == null ? null : calls.lastFailure(),
                calls == null ? "" : calls.lastError());
    }

    /** {@code status}: UP, DEGRADED (a kind failing, an Arrow API not answering) or DOWN (no database). */
    record HealthDetails(String status, String database, JobQueue jobQueue, List<ArrowApi> arrow) {}

    record JobQueue(long queued, long running, long lagSeconds, List<FailingKind> failing) {}

    /** A kind of job whose latest run for the settings record failed, and why. */
    record FailingKind(String kind, String settingsUuid, Instant finished, String errorMessage) {}

    /**
     * One settings record's Arrow API: reachable as this server's calls find it (D44, reachable until a call finds
     * otherwise, {@code since} null before any); when any server's call to it last succeeded and failed, and why.
     */
    record ArrowApi(
            String settingsUuid,
            String apiUrl,
            boolean active,
            boolean syncEnabled,
            boolean reachable,
            Instant since,
            Instant lastSuccess,
            Instant lastFailure,
            String lastError) {}
}
