package org.arrowsync.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.arrowsync.support.Api;
import org.arrowsync.support.ServerJarCommand;

/**
 * The server jar in a process of its own on an external database ({@code SPRING_DATASOURCE_URL}), so that it can be
 * killed the way a crash kills it. Heartbeats every 500 ms, dead after 4 missed: a killed server's job is taken over
 * after about 2 s.
 */
record ServerJar(String name, Process process, Api api) {

    /** Jobs polled and heartbeats sent every 500 ms, a server dead after 4 missed ones. */
    private static final List<String> FAST_TAKEOVER = List.of(
            "--arrowsync.jobs.polling-interval=500ms",
            "--arrowsync.jobs.heartbeat-interval=500ms",
            "--arrowsync.jobs.missed-heartbeats-limit=4");

    static ServerJar start(Path work, String name, String jdbcUrl, List<String> jvm, String... arguments)
            throws IOException, InterruptedException {
        int port = Lab.freePort();
        Path log = work.resolve(name + ".log");
        List<String> command = ServerJarCommand.of(
                "512m",
                jvm,
                port,
                work.resolve(name + "-data"),
                Stream.concat(FAST_TAKEOVER.stream(), Stream.of(arguments)).toList());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server " + name + " exited; see " + log);
            }
            if (Files.readString(log).contains("Started Application")) {
                return new ServerJar(name, process, Api.at(port));
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("server " + name + " did not start; see " + log);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, a running job is left as a crash leaves it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
