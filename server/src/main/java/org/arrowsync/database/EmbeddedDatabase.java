package org.arrowsync.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the zonky binaries, keeping its files in {@code <data folder>/postgres} so that every
 * row survives a restart.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final DataFolderLock folderLock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(DataFolderLock folderLock, EmbeddedPostgres postgres) {
        this.folderLock = folderLock;
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataFolder) {
        DataFolderLock lock = DataFolderLock.acquire(dataFolder);
        Path pgData = dataFolder.resolve("postgres");
        try {
            stopOrphanedPostmaster(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            log.info(
                    "Embedded PostgreSQL started on port {} with data in {}",
                    postgres.getPort(),
                    pgData.toAbsolutePath());
            return new EmbeddedDatabase(lock, postgres);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock);
            throw new IllegalStateException(
                    "Cannot start the embedded PostgreSQL in " + pgData.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /**
     * A server killed hard leaves its PostgreSQL child running. We hold the folder lock, so any postmaster still
     * serving this folder is that orphan: stop it before starting our own.
     */
    private static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(process -> process.info()
                        .command()
                        .map(command -> command.contains("postgres"))
                        .orElse(false));
        if (orphan.isPresent()) {
            log.warn(
                    "Stopping an orphaned PostgreSQL (pid {}) left on {} by an earlier server",
                    orphan.get().pid(),
                    pgData);
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                orphan.get().destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        } finally {
            closeQuietly(folderLock);
        }
    }

    private static void closeQuietly(DataFolderLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            log.warn("Cannot release the data folder lock: {}", e.getMessage());
        }
    }
}
