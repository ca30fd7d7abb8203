package org.arrowsync.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalInt;
import org.arrowsync.database.DataFolderLock;
import org.arrowsync.database.EmbeddedDatabase;
import org.arrowsync.database.PostgresCluster;
import org.arrowsync.shared.DataFolder;
import org.springframework.util.FileSystemUtils;

/**
 * Moves an earlier release's PostgreSQL 14 data folder to the server's PostgreSQL: a backup read with the PostgreSQL 14
 * binaries, restored (and checked) into a new cluster; the old cluster is kept aside, renamed. Until the new cluster is
 * complete the old one stays where it was.
 */
final class DataUpgrade {

    /** What the upgrade did: the rows it moved and where the old cluster now is. */
    record Upgraded(BackupSummary moved, Path oldCluster) {}

    private DataUpgrade() {}

    static Upgraded upgrade(Path dataFolder, Instant now) throws SQLException, IOException {
        Path cluster = EmbeddedDatabase.clusterFolder(dataFolder);
        OptionalInt major = PostgresCluster.majorVersion(cluster);
        if (major.isEmpty() || major.getAsInt() != PostgresCluster.LEGACY_MAJOR) {
            throw new BackupRefused("The data folder " + dataFolder.toAbsolutePath() + " holds "
                    + (major.isEmpty() ? "no database" : "a PostgreSQL " + major.getAsInt() + " database")
                    + "; upgrade-data moves PostgreSQL " + PostgresCluster.LEGACY_MAJOR + " data folders only.");
        }
        try (DataFolderLock lock = DataFolderLock.acquire(dataFolder)) {
            EmbeddedDatabase.ownerOnly(dataFolder);
            Path backup = dataFolder.resolve("postgres-" + PostgresCluster.LEGACY_MAJOR + "-upgrade.backup.gz");
            Files.deleteIfExists(backup);
            try {
                return move(dataFolder, backup, now);
            } finally {
                Files.deleteIfExists(backup);
            }
        }
    }

    private static Upgraded move(Path dataFolder, Path backup, Instant now) throws SQLException, IOException {
        Path cluster = EmbeddedDatabase.clusterFolder(dataFolder);
        BackupSummary written;
        try (PostgresCluster old = PostgresCluster.startPostgres14(cluster);
                Connection connection = old.dataSource().getConnection();
                OutputStream out = Files.newOutputStream(DataFolder.createOwnerOnly(backup))) {
            written = BackupWriter.write(connection, out, now);
        }
        Path aside = dataFolder.resolve("postgres-" + PostgresCluster.LEGACY_MAJOR + "-" + BackupFormat.compact(now));
        Files.move(cluster, aside);
        boolean moved = false;
        try (PostgresCluster current = PostgresCluster.start(cluster, EmbeddedDatabase.passwordFile(dataFolder))) {
            Restore.restore(backup, BackupReader.verify(backup), current.dataSource());
            moved = true;
        } finally {
            // try-with-resources has stopped the new cluster by now
            if (!moved) {
                FileSystemUtils.deleteRecursively(cluster);
                Files.move(aside, cluster);
            }
        }
        return new Upgraded(written, aside);
    }
}
