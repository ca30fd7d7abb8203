package org.arrowsync.shared;

import java.util.concurrent.Executor;

/** Work done beside a request or job on a thread of its own, which never keeps the server from stopping. */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** Runs each task on a new daemon thread of that name, under the log context of the thread that gave it. */
    public static Executor named(String name) {
        return task -> {
            Thread thread = new Thread(LogContext.carried(task), name);
            thread.setDaemon(true);
            thread.start();
        };
    }
}
