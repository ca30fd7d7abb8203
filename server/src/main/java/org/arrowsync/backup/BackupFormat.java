package org.arrowsync.backup;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** The words of the backup format, which the README describes line by line. */
final class BackupFormat {

    static final String MAGIC = "arrowsync-backup 1";
    static final String SCHEMA = "schema";
    static final String CREATED = "created";
    static final String TABLE = "table";
    /** COPY's own end-of-data marker: a data line never equals it, since COPY escapes every backslash. */
    static final String END_OF_ROWS = "\\.";

    static final String ROWS = "rows";
    static final String SEQUENCE = "sequence";
    static final String END = "end";

    private static final DateTimeFormatter COMPACT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BackupFormat() {}

    static String fileName(Instant created) {
        return "arrowsync-" + compact(created) + ".backup.gz";
    }

    /** A time for file names: 20261129T170000Z. */
    static String compact(Instant time) {
        return COMPACT_TIME.format(time);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
