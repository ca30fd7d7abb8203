package org.arrowsync.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.arrowsync.jobs.JobFinished;
import org.arrowsync.jobs.JobKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** How long jobs run and wait in the queue, by kind (and for the run time, by how they ended). */
@Component
class JobMetrics {

    private static final Duration[] BUCKETS = {
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofMinutes(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(15),
        Duration.ofHours(1),
        Duration.ofHours(3)
    };

    private final MeterRegistry registry;

    /**
     * Every kind's timers exist from the start, at zero: a series first seen at one failure shows no increase, and the
     * alert on failures missed the first of each kind after every restart (D255).
     */
    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (JobKind kind : JobKind.values()) {
            run(kind, true);
            run(kind, false);
            queueWait(kind);
        }
    }

    @EventListener
    void finished(JobFinished job) {
        run(job.kind(), job.succeeded()).record(job.runTime());
        queueWait(job.kind()).record(job.queueWait());
    }

    private Timer run(JobKind kind, boolean succeeded) {
        return Timer.builder("arrowsync.job.run")
                .description("How long jobs ran, by kind and final state")
                .tag("kind", kind.value())
                .tag("state", succeeded ? "succeeded" : "failed")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private Timer queueWait(JobKind kind) {
        return Timer.builder("arrowsync.job.queue.wait")
                .description("How long jobs waited in the queue before a worker took them")
                .tag("kind", kind.value())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
