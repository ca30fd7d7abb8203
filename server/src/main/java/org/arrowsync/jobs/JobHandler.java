package org.arrowsync.jobs;

import org.arrowsync.shared.Progress;

/** Runs one kind of job by calling its feature; the returned report is stored as the job's result. */
interface JobHandler {

    JobKind kind();

    Object run(Job job, Progress progress);
}
