package org.arrowsync.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Secrets;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JobRepository {

    private static final String FROM = " from arrow_jobs j left join arrow_settings s on s.id = j.settings_id";
    private static final String SELECT =
            "select j.id, j.uuid, j.kind, j.settings_id, s.uuid as settings_uuid, j.period, j.parameters::text as parameters,"
                    + " j.state, j.attempts, j.progress::text as progress, j.result::text as result, j.errors::text as errors, j.error_message,"
                    + " j.triggered_by, j.created, j.started, j.finished, j.audit_entry" + FROM;

    private final JdbcClient jdbc;
    private final ListQuery<Job> listing;
    private final JsonMapper json;

    JobRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(jdbc, SELECT, FROM, "j.created desc, j.id desc", this::map);
        this.json = json;
    }

    /**
     * Inserts a queued job unless one with the same key is queued or running; returns the new job's uuid if inserted.
     */
    Optional<UUID> insertUnlessActive(JobRequest request, UUID auditEntry, Instant now) {
        UUID uuid = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into arrow_jobs (uuid, kind, settings_id, period, coalesce_key, parameters, triggered_by, created, audit_entry)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                        on conflict (coalesce_key) where state in ('queued', 'running') do nothing""")
                .params(
                        uuid,
                        request.kind().value(),
                        request.settingsId(),
                        request.period() == null ? null : request.period().toString(),
                        request.coalesceKey(),
                        json.writeValueAsString(request.parameters().json()),
                        request.triggeredBy(),
                        Timestamps.of(now),
                        auditEntry)
                .update();
        return inserted == 1 ? Optional.of(uuid) : Optional.empty();
    }

    Optional<Job> active(String coalesceKey) {
        return jdbc.sql(SELECT + " where j.coalesce_key = ? and j.state in ('queued', 'running')")
                .param(coalesceKey)
                .query(this::map)
                .optional();
    }

    Optional<Job> find(UUID uuid) {
        return jdbc.sql(SELECT + " where j.uuid = ?")
                .param(uuid)
                .query(this::map)
                .optional();
    }

    /** Whether any of these jobs is queued or running. */
    boolean anyActive(List<UUID> uuids) {
        return jdbc.sql(
                        "select exists (select 1 from arrow_jobs where uuid = any(?) and state in ('queued', 'running'))")
                .param(uuids.toArray(UUID[]::new))
                .query(Boolean.class)
                .single();
    }

    /** The settings' queued and running jobs (of one month unless {@code period} is null), running ones first. */
    List<Job> active(UUID settingsUuid, YearMonth period, int limit) {
        return jdbc.sql(SELECT + " where s.uuid = ? and j.state in ('queued', 'running')" + inPeriod("j")
                        + " order by j.state = 'running' desc, j.created desc, j.id desc limit ?")
                .params(settingsUuid, periodText(period), periodText(period), limit)
                .query(this::map)
                .list();
    }

    /**
     * The settings' jobs (of one month unless {@code period} is null) whose latest run of their kind, period and scope
     * failed: what is failing now.
     */
    List<Job> failing(UUID settingsUuid, YearMonth period, int limit) {
        return jdbc.sql(SELECT
                        + " where j.id in (select distinct on (f.coalesce_key) f.id from arrow_jobs f"
                        + " join arrow_settings fs on fs.id = f.settings_id"
                        + " where fs.uuid = ? and f.state in ('succeeded', 'failed')" + inPeriod("f")
                        + " order by f.coalesce_key, f.created desc, f.id desc)"
                        + " and j.state = 'failed' order by j.created desc limit ?")
                .params(settingsUuid, periodText(period), periodText(period), limit)
                .query(this::map)
                .list();
    }

    /** Of one month, the period given twice; or of every month, null given twice. */
    private static String inPeriod(String alias) {
        return " and (cast(? as text) is null or " + alias + ".period = ?)";
    }

    private static String periodText(YearMonth period) {
        return period == null ? null : period.toString();
    }

    Listing<Job> list(JobService.JobFilter filter, PageRequest page) {
        return listing.list(where(filter), page);
    }

    private static SqlFilter where(JobService.JobFilter filter) {
        return new SqlFilter()
                .eq("j.kind", filter.kind())
                .eq("j.state", filter.state())
                .eq("s.uuid", filter.settingsUuid());
    }

    /**
     * Jobs not done with no execution in db-scheduler's queue: queued ones whose server stopped between queuing and
     * scheduling, and running ones whose execution is gone (a database edited by hand), which nothing would end.
     */
    List<UUID> withoutExecution(Instant olderThan) {
        return jdbc.sql("""
                        select j.uuid from arrow_jobs j where j.state in ('queued', 'running') and j.created < ?
                        and not exists (select 1 from scheduled_tasks t where t.task_name = ? and t.task_instance = j.uuid::text)""")
                .params(Timestamps.of(olderThan), JobRunner.TASK)
                .query(UUID.class)
                .list();
    }

    /** Counts a run of the job that its server was lost in; returns how many there have been. */
    int countLostRun(UUID uuid) {
        return jdbc.sql("update arrow_jobs set lost_runs = lost_runs + 1 where uuid = ? returning lost_runs")
                .param(uuid)
                .query(Integer.class)
                .single();
    }

    /** A job whose run was rolled back waits, queued, for the run again its execution's retry makes. */
    void requeue(UUID uuid) {
        jdbc.sql("update arrow_jobs set state = 'queued' where uuid = ? and state = 'running'")
                .param(uuid)
                .update();
    }

    void markRunning(UUID uuid, Instant now) {
        jdbc.sql(
                        "update arrow_jobs set state = 'running', attempts = attempts + 1, started = ?, progress = '{}', errors = '[]' where uuid = ?")
                .params(Timestamps.of(now), uuid)
                .update();
    }

    void saveProgress(UUID uuid, JsonNode progress, JsonNode errors) {
        jdbc.sql("update arrow_jobs set progress = ?::jsonb, errors = ?::jsonb where uuid = ?")
                .params(scrubbed(progress), scrubbed(errors), uuid)
                .update();
    }

    void finish(
            UUID uuid,
            JobState state,
            JsonNode progress,
            JsonNode errors,
            JsonNode result,
            String errorMessage,
            Instant now) {
        jdbc.sql("""
                        update arrow_jobs set state = ?, progress = ?::jsonb, errors = ?::jsonb, result = ?::jsonb, error_message = ?, finished = ?
                        where uuid = ?""")
                .params(
                        state.value(),
                        scrubbed(progress),
                        scrubbed(errors),
                        scrubbed(result),
                        Secrets.scrub(errorMessage),
                        Timestamps.of(now),
                        uuid)
                .update();
    }

    /** A job record never holds a stored secret, whatever message or report a run produced (D52). */
    private String scrubbed(JsonNode node) {
        return json.writeValueAsString(Secrets.scrubJson(node));
    }

    private Job map(ResultSet rs, int row) throws SQLException {
        JobKind kind = JobKind.of(rs.getString("kind"));
        String period = rs.getString("period");
        return new Job(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                kind,
                rs.getLong("settings_id"),
                rs.getObject("settings_uuid", UUID.class),
                period == null ? null : YearMonth.parse(period),
                JobParameters.read(kind, json.readTree(rs.getString("parameters"))),
                JobState.of(rs.getString("state")),
                rs.getInt("attempts"),
                json.readTree(rs.getString("progress")),
                json.readTree(rs.getString("result")),
                json.readTree(rs.getString("errors")),
                rs.getString("error_message"),
                rs.getString("triggered_by"),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "started"),
                Timestamps.read(rs, "finished"),
                rs.getObject("audit_entry", UUID.class));
    }
}
