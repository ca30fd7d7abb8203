package org.arrowsync.jobs;

import java.util.function.BiFunction;
import org.arrowsync.shared.Progress;

/** Runs one kind of job by calling its feature; the returned report is stored as the job's result. */
interface JobHandler {

    JobKind kind();

    Object run(Job job, Progress progress);

    static JobHandler of(JobKind kind, BiFunction<Job, Progress, Object> run) {
        return new JobHandler() {
            @Override
            public JobKind kind() {
                return kind;
            }

            @Override
            public Object run(Job job, Progress progress) {
                return run.apply(job, progress);
            }
        };
    }
}
