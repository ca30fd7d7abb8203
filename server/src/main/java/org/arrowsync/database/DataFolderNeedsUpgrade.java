package org.arrowsync.database;

import java.nio.file.Path;

/** The data folder holds a cluster of another PostgreSQL major than the one this server runs; it was not touched. */
public final class DataFolderNeedsUpgrade extends DataFolderRefusal {

    DataFolderNeedsUpgrade(Path dataFolder, int major) {
        super(
                "The data folder " + dataFolder.toAbsolutePath() + " holds a PostgreSQL " + major
                        + " database; this arrowsync runs PostgreSQL " + PostgresCluster.CURRENT_MAJOR
                        + ". Nothing in the folder was changed.",
                major == PostgresCluster.LEGACY_MAJOR
                        ? "Move the data with\n\n    java -jar server/target/arrowsync-server.jar upgrade-data\n\n"
                                + "(same ARROWSYNC_DATA_DIR; the old cluster is kept aside, renamed), then start the"
                                + " server again."
                        : "Run the arrowsync release that wrote the folder, or point ARROWSYNC_DATA_DIR elsewhere.");
    }
}
