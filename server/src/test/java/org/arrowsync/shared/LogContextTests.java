package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * A worker's log lines name the job it works for (the job's id in the log context), and its own context stays its own.
 */
class LogContextTests {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aDaemonThreadLogsUnderTheContextOfTheThreadThatGaveItWork() throws Exception {
        MDC.put("job_id", "abc123");
        CompletableFuture<String> seen =
                CompletableFuture.supplyAsync(() -> MDC.get("job_id"), DaemonThreads.named("log-context-test"));

        assertThat(seen.get()).isEqualTo("abc123");
    }

    @Test
    void concurrentReadsLogUnderTheCallersContext() {
        MDC.put("job_id", "def456");
        List<String> seen = new ConcurrentReads(4)
                .inParts(IntStream.range(0, 4_000).boxed().toList(), part -> List.of(MDC.get("job_id")));

        assertThat(seen).isNotEmpty().containsOnly("def456");
    }

    @Test
    void aTaskRunOnTheCallersThreadLeavesItsContextAsItWas() {
        MDC.put("job_id", "outer");
        Runnable task = LogContext.carried(() -> MDC.put("extra", "x"));
        MDC.put("job_id", "changed");
        AtomicReference<String> during = new AtomicReference<>();
        LogContext.carried(() -> during.set(MDC.get("job_id"))).run();
        task.run();

        assertThat(during.get()).isEqualTo("changed");
        assertThat(MDC.get("job_id")).isEqualTo("changed");
        assertThat(MDC.get("extra")).isNull();
    }
}
