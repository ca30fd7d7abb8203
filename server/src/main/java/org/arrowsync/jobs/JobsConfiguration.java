package org.arrowsync.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * db-scheduler wired by hand (its Boot starter targets Boot 3). Every server instance on the database runs one
 * scheduler; rows in {@code scheduled_tasks} are picked with a lock, so instances share the work without doubling it.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    /** The scheduler keeps the service's time: executions are due by the clock that schedules them (D36). */
    @Bean(destroyMethod = "")
    Scheduler scheduler(
            DataSource dataSource,
            JobsProperties properties,
            List<Task<?>> tasks,
            List<RecurringTask<?>> schedules,
            Clock clock) {
        // Recurring tasks are registered through startTasks when schedules run; otherwise they stay known, unplanned.
        List<Task<?>> known = properties.schedulesEnabled()
                ? tasks.stream()
                        .filter(task -> !(task instanceof RecurringTask<?>))
                        .toList()
                : List.copyOf(tasks);
        return Scheduler.create(dataSource, known)
                .startTasks(properties.schedulesEnabled() ? List.copyOf(schedules) : List.of())
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeatsLimit())
                .enableImmediateExecution()
                .clock(clock::instant)
                .build();
    }

    /** Starts polling once the context (and Flyway) is ready, stops before the datasource closes. */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SchedulerLifecycle(scheduler);
    }
}
