package org.arrowsync.webhooks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.arrowsync.jobs.SchedulerLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The persistent delivery queue: db-scheduler on a table of its own with worker threads of its own, so a slow or dead
 * receiver holds up other deliveries at most, never a job (D42). Each attempt is one execution, named after the
 * delivery and the attempt's number; every server on the database works the queue, each execution on exactly one. Its
 * scheduler keeps the service's time, as the job queue's does (D36).
 */
@Component
class DeliveryQueue {

    static final String TABLE = "webhook_tasks";
    static final String TASK = "webhook-delivery";

    private final OneTimeTask<String> deliver;
    private final Scheduler scheduler;
    private final DeliveryRepository deliveries;
    private final Clock clock;

    DeliveryQueue(
            DataSource dataSource,
            WebhooksProperties properties,
            WebhookSender sender,
            DeliveryRepository deliveries,
            Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.deliver = Tasks.oneTime(TASK, String.class).execute((instance, context) -> {
            UUID delivery = UUID.fromString(instance.getData());
            sender.attempt(delivery).ifPresent(next -> queue(delivery, next.number(), next.at()));
        });
        RecurringTask<Void> orphans = Tasks.recurring("webhook-orphans", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> requeueOrphans());
        this.scheduler = Scheduler.create(dataSource, List.<Task<?>>of(deliver))
                .startTasks(List.of(orphans))
                .tableName(TABLE)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .enableImmediateExecution()
                .clock(clock::instant)
                .build();
    }

    /** Queues the delivery's first attempt, due now. */
    void queue(UUID delivery) {
        queue(delivery, 1, clock.instant());
    }

    private void queue(UUID delivery, int attempt, Instant at) {
        scheduler.scheduleIfNotExists(deliver.instance(delivery + "/" + attempt, delivery.toString()), at);
    }

    /**
     * Pending deliveries the queue lost (the server stopped between recording and queuing them) are queued again, as
     * their next attempt: the execution their recorder may be queuing at the same moment has that name, and is not
     * queued twice.
     */
    private void requeueOrphans() {
        deliveries
                .pendingWithoutExecution(clock.instant().minusSeconds(60), TASK)
                .forEach(orphan -> queue(orphan.uuid(), orphan.attempts() + 1, clock.instant()));
    }

    /** The queue's own scheduler, started and stopped with the application. */
    SmartLifecycle lifecycle() {
        return new SchedulerLifecycle(scheduler);
    }
}
