package org.arrowsync.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Passes bytes on while counting their lines and taking their SHA-256, as the backup format checks them. */
final class LineChecksum extends FilterOutputStream {

    private final MessageDigest digest = BackupFormat.sha256();
    private long lines;

    LineChecksum(OutputStream out) {
        super(out);
    }

    /** Counts and checks without keeping the bytes. */
    static LineChecksum discarding() {
        return new LineChecksum(OutputStream.nullOutputStream());
    }

    void line(String text) throws IOException {
        write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        digest.update(bytes, offset, length);
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        out.write(bytes, offset, length);
    }

    long lines() {
        return lines;
    }

    /** The checksum of everything written so far; call once. */
    String checksum() {
        return BackupFormat.hex(digest.digest());
    }
}
