package org.arrowsync.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive, process-wide lock on the data folder, so a second server pointed at the same folder stops with a clear
 * message instead of starting a second PostgreSQL on the same files.
 */
public final class DataFolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static DataFolderLock acquire(Path folder) {
        Path lockFile = folder.resolve("arrowsync.lock");
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataFolderInUse(folder);
            }
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot lock the data folder " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** The data folder is held by another running server. */
    static final class DataFolderInUse extends DataFolderRefusal {

        DataFolderInUse(Path folder) {
            super(
                    "The data folder " + folder.toAbsolutePath() + " is in use by another arrowsync server.",
                    "Stop that server, or set ARROWSYNC_DATA_DIR to another folder.");
        }
    }
}
