package org.arrowsync.jobs;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.ledger.InvoiceClosed;
import org.arrowsync.shared.DatabaseConnectionLost;
import org.arrowsync.shared.FailureMessages;
import org.arrowsync.shared.Refusal;
import org.arrowsync.shared.Uuids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The worker side: db-scheduler picks an execution (on exactly one instance), we mark the job running, call its handler
 * and record the outcome. A server that dies mid-run leaves the execution to be revived by another instance or the
 * restarted one; handlers are idempotent, so the rerun ends where one clean run would.
 */
@Configuration(proxyBeanMethods = false)
class JobRunner {

    static final String TASK = "arrow-job";
    /** The log context of a running job: its uuid is on every line it writes. */
    static final String JOB_MDC_KEY = "job_id";
    /**
     * A job whose transaction was rolled back under it (its database connection broke, an invoice closed, D222) is run
     * again until it has run this often, then it fails saying why; so is one whose server was lost under it (D266).
     */
    private static final int ATTEMPTS_WHEN_RUN_AGAIN = 3;

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    @Bean
    OneTimeTask<String> runJob(
            JobRepository jobs,
            List<JobHandler> handlers,
            JsonMapper json,
            JobsProperties properties,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        Map<JobKind, JobHandler> byKind =
                handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        JsonMapper results = resultWriter(json);
        return Tasks.oneTime(TASK, String.class)
                // Only a lost database connection leaves run() by an exception (the job's outcome could not be
                // stored, or the job is to run again): the execution is retried once the database may be back.
                .onFailure(new FailureHandler.OnFailureRetryLater<>(properties.retryDelay()))
                .execute((instance, context) ->
                        run(UUID.fromString(instance.getData()), jobs, byKind, results, ownTransaction, events, clock));
    }

    /**
     * Writes a job's result as the API writes what it shows: a uuid as 32 hex digits (D22), a decimal as a string in
     * plain notation (a zero at ten decimals is {@code 0.0000000000}, not {@code 0E-10}: a result is a tree first,
     * whose writer does not know the API's plain notation).
     */
    private static JsonMapper resultWriter(JsonMapper json) {
        return json.rebuild()
                .addModule(new SimpleModule("job-results")
                        .addSerializer(UUID.class, new StdSerializer<>(UUID.class) {
                            @Override
                            public void serialize(UUID value, JsonGenerator generator, SerializationContext context) {
                                generator.writeString(Uuids.hex(value));
                            }
                        })
                        .addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
                            @Override
                            public void serialize(
                                    BigDecimal value, JsonGenerator generator, SerializationContext context) {
                                generator.writeString(value.toPlainString());
                            }
                        }))
                .build();
    }

    private static void run(
            UUID uuid,
            JobRepository jobs,
            Map<JobKind, JobHandler> handlers,
            JsonMapper json,
            TransactionTemplate ownTransaction,
            ApplicationEventPublisher events,
            Clock clock) {
        Job job = jobs.find(uuid).orElse(null);
        if (job == null || job.isDone()) {
            return;
        }
        MDC.put(JOB_MDC_KEY, Uuids.hex(uuid));
        try {
            Instant started = clock.instant();
            String failure;
            // still running when taken up: its server was lost under its last run (a run rolled back is queued again)
            if (job.state() == JobState.RUNNING && jobs.countLostRun(uuid) >= ATTEMPTS_WHEN_RUN_AGAIN) {
                failure = lost(job, jobs, clock);
            } else {
                jobs.markRunning(uuid, started);
                failure = runHandler(job, jobs, handlers, json, ownTransaction, clock);
            }
            events.publishEvent(new JobFinished(
                    uuid,
                    job.kind(),
                    job.settingsUuid(),
                    job.period(),
                    failure == null,
                    failure == null ? "" : failure,
                    job.triggeredBy(),
                    job.auditEntry(),
                    job.created(),
                    started,
                    clock.instant()));
        } finally {
            MDC.remove(JOB_MDC_KEY);
        }
    }

    /** Runs the job's handler and stores the outcome; returns the failure's message, null when it succeeded. */
    private static String runHandler(
            Job job,
            JobRepository jobs,
            Map<JobKind, JobHandler> handlers,
            JsonMapper json,
            TransactionTemplate ownTransaction,
            Clock clock) {
        UUID uuid = job.uuid();
        JobProgress progress = new JobProgress(uuid, jobs, ownTransaction, report -> result(json, report), clock);
        JobHandler handler = handlers.get(job.kind());
        try {
            if (handler == null) {
                throw new IllegalStateException(
                        "No handler for job kind " + job.kind().value());
            }
            Object report = handler.run(job, progress);
            jobs.finish(
                    uuid,
                    JobState.SUCCEEDED,
                    progress.counts(),
                    progress.errors(),
                    result(json, report),
                    "",
                    clock.instant());
            return null;
        } catch (InvoiceClosed e) {
            // D222: a run reads its invoices' states as it begins; an operator closed one under it, which failed the
            // run's transaction (rolled back): it runs again with the invoices as they are now
            return runAgain(job, jobs, progress, e, clock);
        } catch (Refusal | ArrowException e) {
            // An outcome, not a bug: the message on the job says it all.
            log.info("Job {} ({}) failed: {}", uuid, job.kind().value(), e.getMessage());
            return fail(uuid, jobs, progress.counts(), progress.errors(), e.getMessage(), clock);
        } catch (RuntimeException e) {
            if (DatabaseConnectionLost.causes(e)) {
                return runAgain(job, jobs, progress, new DatabaseConnectionLost(e), clock);
            }
            // A job that fails is reported on its row; rethrowing would only make db-scheduler retry blindly.
            log.warn("Job {} ({}) failed", uuid, job.kind().value(), e);
            return fail(uuid, jobs, progress.counts(), progress.errors(), FailureMessages.of(e), clock);
        }
    }

    /**
     * A job whose server was lost under as many of its runs as {@link #runAgain} allows (out of memory, killed): it
     * fails rather than run again, or a job that takes its server down would take each server of the database down in
     * turn, for good (D266).
     */
    private static String lost(Job job, JobRepository jobs, Clock clock) {
        String message = "Its server stopped under it in " + ATTEMPTS_WHEN_RUN_AGAIN + " of its runs (out of memory,"
                + " killed); it is not run again, so that it cannot take the servers down in turn. Queue it again once"
                + " the cause is found (the servers' logs name it).";
        log.error("Job {} ({}) failed: {}", job.uuid(), job.kind().value(), message);
        return fail(job.uuid(), jobs, job.progress(), job.errors(), message, clock);
    }

    /** Stores a job's failure, keeping the counts and errors it reached; returns the message. */
    private static String fail(
            UUID uuid, JobRepository jobs, JsonNode counts, JsonNode errors, String message, Clock clock) {
        jobs.finish(
                uuid, JobState.FAILED, counts, errors, JsonNodeFactory.instance.objectNode(), message, clock.instant());
        return message;
    }

    /** A run's report as its job stores it. */
    private static JsonNode result(JsonMapper json, Object report) {
        return report == null ? JsonNodeFactory.instance.objectNode() : json.valueToTree(report);
    }

    /**
     * PostgreSQL rolled back what the job's transaction held (its connection lost, or a state it read changed under
     * it); the handlers are idempotent, so the job runs again (by db-scheduler's retry) until its attempts are used up,
     * and then fails with the reason.
     */
    private static String runAgain(
            Job job, JobRepository jobs, JobProgress progress, RuntimeException reason, Clock clock) {
        int attempts = job.attempts() + 1; // this run's attempt, counted when it was marked running
        if (attempts < ATTEMPTS_WHEN_RUN_AGAIN) {
            log.warn("Job {} ({}) runs again: {}", job.uuid(), job.kind().value(), reason.getMessage());
            jobs.requeue(job.uuid());
            throw reason;
        }
        log.warn("Job {} ({}) failed", job.uuid(), job.kind().value(), reason);
        return fail(
                job.uuid(),
                jobs,
                progress.counts(),
                progress.errors(),
                reason.getMessage() + "; gave up after " + attempts + " attempts",
                clock);
    }
}
