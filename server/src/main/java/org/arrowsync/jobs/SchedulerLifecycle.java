package org.arrowsync.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/** Starts a db-scheduler polling once the context (and Flyway) is ready, and stops it before the datasource closes. */
public final class SchedulerLifecycle implements SmartLifecycle {

    private final Scheduler scheduler;
    private volatile boolean running;

    public SchedulerLifecycle(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        scheduler.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A db-scheduler stopped cannot start again: a paused context (the test context cache) keeps polling. */
    @Override
    public boolean isPauseable() {
        return false;
    }
}
