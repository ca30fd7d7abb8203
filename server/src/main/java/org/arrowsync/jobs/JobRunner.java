package org.arrowsync.jobs;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The worker side: db-scheduler picks an execution (on exactly one instance), we mark the job running, call its handler
 * and record the outcome. A server that dies mid-run leaves the execution to be revived by another instance or the
 * restarted one; handlers are idempotent, so the rerun ends where one clean run would.
 */
@Configuration(proxyBeanMethods = false)
class JobRunner {

    static final String TASK = "arrow-job";

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    @Bean
    OneTimeTask<String> runJob(
            JobRepository jobs,
            List<JobHandler> handlers,
            JsonMapper json,
            PlatformTransactionManager transactions,
            Clock clock) {
        Map<JobKind, JobHandler> byKind =
                handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return Tasks.oneTime(TASK, String.class)
                .execute((instance, context) ->
                        run(UUID.fromString(instance.getData()), jobs, byKind, json, ownTransaction, clock));
    }

    private static void run(
            UUID uuid,
            JobRepository jobs,
            Map<JobKind, JobHandler> handlers,
            JsonMapper json,
            TransactionTemplate ownTransaction,
            Clock clock) {
        Job job = jobs.find(uuid).orElse(null);
        if (job == null || job.isDone()) {
            return;
        }
        jobs.markRunning(uuid, clock.instant());
        JobProgress progress = new JobProgress(uuid, jobs, ownTransaction, clock);
        JobHandler handler = handlers.get(job.kind());
        try {
            if (handler == null) {
                throw new IllegalStateException(
                        "No handler for job kind " + job.kind().value());
            }
            Object report = handler.run(job, progress);
            JsonNode result = report == null ? JsonNodeFactory.instance.objectNode() : json.valueToTree(report);
            jobs.finish(uuid, JobState.SUCCEEDED, progress.counts(), progress.errors(), result, "", clock.instant());
        } catch (Refusal | ArrowException e) {
            // An outcome, not a bug: the message on the job says it all.
            log.info("Job {} ({}) failed: {}", uuid, job.kind().value(), e.getMessage());
            jobs.finish(
                    uuid,
                    JobState.FAILED,
                    progress.counts(),
                    progress.errors(),
                    JsonNodeFactory.instance.objectNode(),
                    e.getMessage(),
                    clock.instant());
        } catch (RuntimeException e) {
            // A job that fails is reported on its row; rethrowing would only make db-scheduler retry blindly.
            log.warn("Job {} ({}) failed", uuid, job.kind().value(), e);
            jobs.finish(
                    uuid,
                    JobState.FAILED,
                    progress.counts(),
                    progress.errors(),
                    JsonNodeFactory.instance.objectNode(),
                    String.valueOf(e.getMessage()),
                    clock.instant());
        }
    }
}
