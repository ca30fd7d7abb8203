package org.arrowsync.bench;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time the processes of a benchmark had used, as the operating system counts it: the server's JVM, its embedded
 * PostgreSQL (the postmaster and the processes it runs: backends, writers, vacuum) and the benchmark's own JVM, which
 * runs the emulator and fetch-only's client. Times do not add up on two cores shared by all three; CPU does, so the
 * difference of two readings says which of them a step's time went to. A PostgreSQL process that ended in between (a
 * backend whose connection closed) is missed; the server's pooled connections stay open.
 */
record CpuUse(Duration server, Duration database, Duration benchmark) {

    /** {@code postmaster}: the embedded PostgreSQL, which {@code pg_ctl} started apart from the server's JVM. */
    static CpuUse of(ProcessHandle server, ProcessHandle postmaster) {
        Duration database = Stream.concat(Stream.of(postmaster), postmaster.descendants())
                .map(CpuUse::cpu)
                .reduce(Duration.ZERO, Duration::plus);
        return new CpuUse(cpu(server), database, cpu(ProcessHandle.current()));
    }

    /** What was used between {@code earlier} and this reading. */
    CpuUse since(CpuUse earlier) {
        return new CpuUse(
                server.minus(earlier.server), database.minus(earlier.database), benchmark.minus(earlier.benchmark));
    }

    /** Core-seconds of each, server / PostgreSQL / benchmark JVM. */
    String seconds() {
        return "%.1f / %.1f / %.1f".formatted(seconds(server), seconds(database), seconds(benchmark));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
