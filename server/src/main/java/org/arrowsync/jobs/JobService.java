package org.arrowsync.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.audit.AuditTrail;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Queues jobs: one row per run for operators, one db-scheduler execution per row for the workers. A request whose
 * (settings, kind, period, scope) already has a queued or running job joins that job instead of queuing another.
 */
@Service
public class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final JobRepository jobs;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> runJob;
    private final AuditTrail audit;
    private final Clock clock;

    JobService(
            JobRepository jobs,
            @Lazy SchedulerClient scheduler,
            OneTimeTask<String> runJob,
            AuditTrail audit,
            Clock clock) {
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.runJob = runJob;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Queues the job, or joins the one already queued or running. A new job names the audit entry that queued it: the
     * request's, or, for the server's own (a schedule), one recorded here with the job's {@code triggeredBy} as actor.
     */
    Submitted submit(JobRequest request) {
        Optional<UUID> requested = audit.currentEntry();
        UUID entry = requested.orElseGet(UUID::randomUUID);
        Optional<UUID> created = jobs.insertUnlessActive(request, entry, clock.instant());
        if (created.isEmpty()) {
            Optional<Job> active = jobs.active(request.coalesceKey());
            if (active.isPresent()) {
                return new Submitted(active.get().uuid(), false);
            }
            // The active one finished between the two statements: queue a fresh run.
            return submit(request);
        }
        UUID uuid = created.get();
        if (requested.isEmpty()) {
            audit.recordOwn(
                    entry,
                    request.triggeredBy(),
                    "queue_" + request.kind().value(),
                    uuid,
                    JsonNodeFactory.instance
                            .objectNode()
                            .put("settings_uuid", Uuids.hex(request.settingsUuid()))
                            .put("period", Objects.toString(request.period(), null))
                            .set("parameters", request.parameters().json()));
        }
        scheduler.scheduleIfNotExists(runJob.instance(uuid.toString(), uuid.toString()), clock.instant());
        log.info("Queued {} job {} for period {}", request.kind().value(), uuid, request.period());
        return new Submitted(uuid, true);
    }

    /**
     * Schedules queued jobs that never got their execution; a trigger would otherwise join them for ever. Returns how
     * many.
     */
    int rescheduleOrphans() {
        List<UUID> orphans = jobs.withoutExecution(clock.instant().minusSeconds(60));
        orphans.forEach(uuid ->
                scheduler.scheduleIfNotExists(runJob.instance(uuid.toString(), uuid.toString()), clock.instant()));
        if (!orphans.isEmpty()) {
            log.warn("Scheduled {} jobs that had no execution", orphans.size());
        }
        return orphans.size();
    }

    public Job get(UUID uuid) {
        return jobs.find(uuid).orElseThrow(NotFound::new);
    }

    /** Whether any of these jobs is queued or running; one that is gone is not. */
    public boolean anyActive(List<UUID> uuids) {
        return !uuids.isEmpty() && jobs.anyActive(uuids);
    }

    public Listing<Job> list(JobFilter filter, PageRequest page) {
        return jobs.list(filter, page);
    }

    /** The list filters of the jobs API; kind and state as their wire values. */
    public record JobFilter(String kind, String state, UUID settingsUuid) {}

    /**
     * The settings' jobs under way and those whose latest run of their kind failed, newest first, at most {@code limit}
     * of each; of one month unless {@code period} is null.
     */
    public CurrentJobs current(UUID settingsUuid, YearMonth period, int limit) {
        return new CurrentJobs(jobs.active(settingsUuid, period, limit), jobs.failing(settingsUuid, period, limit));
    }

    /** Jobs queued or running, and jobs whose kind of work is failing now. */
    public record CurrentJobs(List<Job> active, List<Job> failing) {

        public boolean isEmpty() {
            return active.isEmpty() && failing.isEmpty();
        }
    }

    /**
     * The job that will do (or already does) the requested work; {@code queued} is false when the request joined a
     * running one.
     */
    public record Submitted(UUID uuid, boolean queued) {}
}
