package org.arrowsync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.arrowsync.Application;
import org.arrowsync.database.EmbeddedDatabase;
import org.arrowsync.database.PostgresCluster;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole server in its own JVM on a data folder, so a test can kill it the way a crash does (SIGKILL, no shutdown
 * hook). Its clock goes on from the test clock's now. Closing it kills it and stops the PostgreSQL it leaves behind, so
 * nothing writes in the folder once the test is done with it.
 */
public record ServerProcess(Process process, int port, int databasePort, Path dataFolder) implements AutoCloseable {

    private static final Pattern DATABASE_PORT = Pattern.compile("Embedded PostgreSQL started on port (\\d+)");

    public static ServerProcess start(Path folder, String name, String... arguments)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = folder.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-D" + TestClock.PROPERTY + "=" + TestClock.now(),
                "-cp",
                System.getProperty("java.class.path"),
                Application.class.getName(),
                "--spring.profiles.active=test",
                "--server.port=" + port,
                "--arrowsync.data.dir=" + folder.resolve("data"),
                "--arrowsync.admin-token=" + Api.ADMIN_TOKEN,
                "--arrowsync.jobs.heartbeat-interval=500ms",
                "--arrowsync.jobs.missed-heartbeats-limit=4"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server " + name + " exited: " + Files.readString(log));
            }
            String output = Files.readString(log);
            Matcher matcher = DATABASE_PORT.matcher(output);
            if (matcher.find() && output.contains("Started Application")) {
                return new ServerProcess(process, port, Integer.parseInt(matcher.group(1)), folder.resolve("data"));
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("server " + name + " did not start: " + Files.readString(log));
    }

    public Api api() {
        return Api.at(port);
    }

    /** Straight to the server's embedded PostgreSQL, which outlives a killed server until the next one stops it. */
    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    /** The server's embedded PostgreSQL, for a test that holds a connection (and a transaction) of its own. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://localhost:" + databasePort + "/postgres");
        dataSource.setUser("postgres");
        try {
            dataSource.setPassword(
                    Files.readString(EmbeddedDatabase.passwordFile(dataFolder)).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dataSource;
    }

    /**
     * Ends every other connection to the server's database, as a PostgreSQL restart does, without the restart; returns
     * how many.
     */
    public int cutDatabaseConnections() {
        return jdbc().sql("""
                        select count(pg_terminate_backend(pid)) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid()""").query(Integer.class).single();
    }

    /** SIGKILL: no shutdown hook runs; a running job is left as a crash leaves it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Kills the server, then stops its embedded PostgreSQL as the next server on the folder would. */
    @Override
    public void close() throws IOException, InterruptedException {
        kill();
        PostgresCluster.stopOrphanedPostmaster(EmbeddedDatabase.clusterFolder(dataFolder));
    }
}
