package org.arrowsync.shared;

import java.util.Map;
import org.slf4j.MDC;

/**
 * The log context (the job's or request's id, {@code job_id}, {@code request_id}) carried onto a thread that works for
 * them: a line a worker logs names the job the operator is told to look for ("see the server log").
 */
public final class LogContext {

    private LogContext() {}

    /**
     * {@code task} run under the log context of the thread that calls this; the thread that runs it has its own context
     * back after (the caller's own thread, where a pool runs a task it has no worker for).
     */
    public static Runnable carried(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        if (context == null || context.isEmpty()) {
            return task;
        }
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            MDC.setContextMap(context);
            try {
                task.run();
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
        };
    }
}
