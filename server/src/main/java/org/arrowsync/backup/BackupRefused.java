package org.arrowsync.backup;

/** A backup file, or the place it should be restored to, cannot be used; nothing was written. */
public final class BackupRefused extends RuntimeException {

    BackupRefused(String message) {
        super(message);
    }

    BackupRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
