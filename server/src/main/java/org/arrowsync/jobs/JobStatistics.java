package org.arrowsync.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The job queue in figures, read from the database so that every server instance tells the same: jobs per kind and
 * state, the oldest queued job, each settings record's last successful run of each kind and the kinds whose latest run
 * failed.
 */
@Component
public class JobStatistics {

    private final JdbcClient jdbc;
    private final Clock clock;

    JobStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Count> counts() {
        return jdbc.sql(
                        "select kind, state, count(*) as jobs from arrow_jobs group by kind, state order by kind, state")
                .query((rs, row) -> new Count(rs.getString("kind"), rs.getString("state"), rs.getLong("jobs")))
                .list();
    }

    /** How long the job that has waited longest in the queue has waited; zero when none waits. */
    public Duration queueLag() {
        Optional<Instant> oldest = jdbc.sql("select min(created) as created from arrow_jobs where state = 'queued'")
                .query((rs, row) -> Optional.ofNullable(Timestamps.read(rs, "created")))
                .single();
        Instant now = clock.instant();
        return oldest.filter(queued -> queued.isBefore(now))
                .map(queued -> Duration.between(queued, now))
                .orElse(Duration.ZERO);
    }

    /** The latest finished run of each kind and settings record, failed or not. */
    public List<LatestRun> latestRuns() {
        return jdbc.sql("""
                        select distinct on (j.settings_id, j.kind) s.uuid as settings_uuid, j.kind, j.state, j.finished,
                               j.error_message
                        from arrow_jobs j join arrow_settings s on s.id = j.settings_id
                        where j.state in ('succeeded', 'failed')
                        order by j.settings_id, j.kind, j.finished desc""")
                .query((rs, row) -> new LatestRun(
                        rs.getObject("settings_uuid", UUID.class),
                        JobKind.of(rs.getString("kind")),
                        rs.getString("state").equals(JobState.SUCCEEDED.value()),
                        Timestamps.read(rs, "finished"),
                        rs.getString("error_message")))
                .list();
    }

    /**
     * The last time each kind of job succeeded for each settings record in use (active, or its sync enabled): a record
     * no longer in use (D123) is synced by no schedule, and its last success growing old is no alarm (D255).
     */
    public List<LastSuccess> lastSuccesses() {
        return jdbc.sql("""
                        select s.uuid as settings_uuid, j.kind, max(j.finished) as finished
                        from arrow_jobs j join arrow_settings s on s.id = j.settings_id
                        where j.state = 'succeeded' and (s.is_active or s.sync_enabled)
                        group by s.uuid, j.kind""")
                .query((rs, row) -> new LastSuccess(
                        rs.getObject("settings_uuid", UUID.class),
                        JobKind.of(rs.getString("kind")),
                        Timestamps.read(rs, "finished")))
                .list();
    }

    /** How many jobs of a kind (its wire value) are in a state (queued, running, succeeded, failed). */
    public record Count(String kind, String state, long jobs) {}

    public record LatestRun(
            UUID settingsUuid, JobKind kind, boolean succeeded, Instant finished, String errorMessage) {}

    public record LastSuccess(UUID settingsUuid, JobKind kind, Instant finished) {}
}
