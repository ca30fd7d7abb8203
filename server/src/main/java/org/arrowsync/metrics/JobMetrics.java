package org.arrowsync.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.arrowsync.jobs.JobFinished;
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

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void finished(JobFinished job) {
        Timer.builder("arrowsync.job.run")
                .description("How long jobs ran, by kind and final state")
                .tag("kind", job.kind().value())
                .tag("state", job.succeeded() ? "succeeded" : "failed")
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(job.runTime());
        Timer.builder("arrowsync.job.queue.wait")
                .description("How long jobs waited in the queue before a worker took them")
                .tag("kind", job.kind().value())
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(job.queueWait());
    }
}
