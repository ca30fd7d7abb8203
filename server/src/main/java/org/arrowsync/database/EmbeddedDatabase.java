package org.arrowsync.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own PostgreSQL in the data folder: the cluster in {@code <data folder>/postgres}, its password in
 * {@code <data folder>/postgres-password}, the folder locked against a second server and readable by its owner only.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final DataFolderLock folderLock;
    private final PostgresCluster cluster;

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
        return open(dataFolder, false);
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

    @Override
    public void close() {
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
