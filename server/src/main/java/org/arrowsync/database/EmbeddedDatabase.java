package org.arrowsync.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own PostgreSQL in the data folder: the cluster in {@code <data folder>/postgres}, its password in
 * {@code <data folder>/postgres-password}, the folder locked against a second server and readable by its owner only.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** How long a failed restart waits before the next try. */
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final DataFolderLock folderLock;
    private volatile PostgresCluster cluster;
    private boolean closed;

    private EmbeddedDatabase(DataFolderLock folderLock, PostgresCluster cluster) {
        this.folderLock = folderLock;
        this.cluster = cluster;
    }

    /**
     * Opens the data folder's database, creating it on first use. A cluster of another PostgreSQL major is refused
     * before anything in the folder is touched.
     */
    public static EmbeddedDatabase open(Path dataFolder) {
        return open(dataFolder, true);
    }

    /**
     * The server's database: stopped by {@link #close} alone, which its context calls after the scheduler has let the
     * running jobs finish and the pool has closed (D101).
     */
    static EmbeddedDatabase openForServer(Path dataFolder) {
        EmbeddedDatabase database = open(dataFolder, false);
        database.restartWhenItStops();
        return database;
    }

    private static EmbeddedDatabase open(Path dataFolder, boolean stopsWithTheJvm) {
        refuseOtherMajor(dataFolder);
        Path pgData = clusterFolder(dataFolder);
        DataFolderLock lock = DataFolderLock.acquire(dataFolder);
        try {
            ownerOnly(dataFolder);
            PostgresCluster cluster = PostgresCluster.start(pgData, passwordFile(dataFolder), stopsWithTheJvm);
            log.info("Embedded PostgreSQL started on port {} with data in {}", cluster.port(), pgData.toAbsolutePath());
            return new EmbeddedDatabase(lock, cluster);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /** Reads the cluster's version only: a refused folder is left exactly as it was. */
    static void refuseOtherMajor(Path dataFolder) {
        OptionalInt major = PostgresCluster.majorVersion(clusterFolder(dataFolder));
        if (major.isPresent() && major.getAsInt() != PostgresCluster.CURRENT_MAJOR) {
            throw new DataFolderNeedsUpgrade(dataFolder, major.getAsInt());
        }
    }

    /** Where the data folder keeps its PostgreSQL cluster. */
    public static Path clusterFolder(Path dataFolder) {
        return dataFolder.resolve("postgres");
    }

    /** Where the data folder keeps the password of its cluster's superuser, owner-only. */
    public static Path passwordFile(Path dataFolder) {
        return dataFolder.resolve("postgres-password");
    }

    /** The data folder holds the money ledger: no other user of the host reads it. */
    public static void ownerOnly(Path dataFolder) {
        try {
            Files.setPosixFilePermissions(dataFolder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            log.warn("The file system of {} has no POSIX permissions; protect the folder yourself", dataFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + dataFolder.toAbsolutePath() + " owner-only", e);
        }
    }

    public PostgresCluster cluster() {
        return cluster;
    }

    /**
     * D113: a PostgreSQL that stops while the server runs (killed, or by the kernel out of memory) is started again on
     * the same folder and port, so the pool's next connections reach it and the server goes on without a restart.
     * PostgreSQL's recovery keeps every committed transaction; a job cut short runs again (D62). Until it runs again
     * the server answers 503, as with an external database.
     */
    private void restartWhenItStops() {
        PostgresCluster watched = cluster;
        watched.postmaster()
                .ifPresent(postmaster -> postmaster
                        .onExit()
                        .thenRunAsync(() -> restartAfter(watched, postmaster.pid()), EmbeddedDatabase::onWatchThread));
    }

    private synchronized void restartAfter(PostgresCluster stopped, long pid) {
        if (closed) {
            return;
        }
        log.error(
                "The embedded PostgreSQL (pid {}) stopped while the server runs; starting it again on port {}",
                pid,
                stopped.port());
        while (!closed) {
            try {
                cluster = stopped.restart();
                log.info("Embedded PostgreSQL started again on port {}", cluster.port());
                restartWhenItStops();
                return;
            } catch (RuntimeException e) {
                log.error(
                        "The embedded PostgreSQL did not start again ({}); trying again in {} s",
                        e.getMessage(),
                        RETRY.toSeconds());
                try {
                    wait(RETRY.toMillis()); // on this object: close() ends the wait
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void onWatchThread(Runnable restart) {
        Thread thread = new Thread(restart, "embedded-postgres-restart");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops PostgreSQL for good: a stop from here is not one to restart after. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        try {
            cluster.close();
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
