package org.arrowsync.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The folder holding the embedded database, its password and the generated admin token ({@code ARROWSYNC_DATA_DIR}).
 */
@ConfigurationProperties("arrowsync.data")
public record DataFolder(@DefaultValue("./data") Path dir) {

    public Path path() {
        return dir;
    }

    /** Writes a secret that only the server's own user may read (where the file system knows permissions). */
    public static Path writeOwnerOnly(Path file, String secret) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, secret + System.lineSeparator());
        return file;
    }
}
