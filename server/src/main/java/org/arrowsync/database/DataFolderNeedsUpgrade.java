package org.arrowsync.database;

import java.nio.file.Path;

/** The data folder holds a cluster of another PostgreSQL major than the one this server runs. */
public final class DataFolderNeedsUpgrade extends IllegalStateException {

    DataFolderNeedsUpgrade(Path dataFolder, int major) {
        super(message(dataFolder, major));
    }

    private static String message(Path dataFolder, int major) {
        String found = "The data folder " + dataFolder.toAbsolutePath() + " holds a PostgreSQL " + major
                + " database; this arrowsync runs PostgreSQL " + PostgresCluster.CURRENT_MAJOR + ".";
        if (major == PostgresCluster.LEGACY_MAJOR) {
            return found + " Stop here and move the data with\n\n    java -jar server/target/arrowsync-server.jar"
                    + " upgrade-data\n\n(same ARROWSYNC_DATA_DIR; the old folder is kept aside, renamed). Nothing in the"
                    + " folder was changed.";
        }
        return found + " This arrowsync cannot read it; run the arrowsync release that wrote it. Nothing in the folder"
                + " was changed.";
    }
}
