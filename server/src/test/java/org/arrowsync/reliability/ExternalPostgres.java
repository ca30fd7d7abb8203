package org.arrowsync.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL of its own, run from the same zonky binaries the server embeds, on a fixed port so that servers keep
 * their {@code SPRING_DATASOURCE_URL} across a restart of it. Every trial gets a database of its own.
 */
final class ExternalPostgres implements AutoCloseable {

    private final Path folder;
    private final int port;
    private EmbeddedPostgres postgres;

    private ExternalPostgres(Path folder, int port) throws IOException {
        this.folder = folder;
        this.port = port;
        this.postgres = start();
    }

    static ExternalPostgres start(Path folder) throws IOException {
        return new ExternalPostgres(folder, Lab.freePort());
    }

    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(folder)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                // The write-ahead log of a full report's millions of rows would otherwise grow to a gigabyte.
                .setServerConfig("max_wal_size", "256MB")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    String createDatabase(String name) {
        jdbc("postgres").sql("create database " + name).update();
        return name;
    }

    void dropDatabase(String name) {
        jdbc("postgres")
                .sql("drop database if exists " + name + " with (force)")
                .update();
    }

    JdbcClient jdbc(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url(database));
        dataSource.setUser("postgres");
        return JdbcClient.create(dataSource);
    }

    /** Stops PostgreSQL (fast shutdown: open sessions are ended) and starts it again on the same port and data. */
    void restart() throws IOException {
        postgres.close();
        postgres = start();
    }

    /** Stops PostgreSQL and deletes its data: the servers' logs are what a report leaves behind. */
    @Override
    public void close() throws IOException {
        postgres.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
