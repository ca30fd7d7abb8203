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
        createOwnerOnly(file);
        Files.writeString(file, secret + System.lineSeparator());
        return file;
    }

    /** Creates an empty file that only the server's own user may read; refuses one that exists. */
    public static Path createOwnerOnly(Path file) throws IOException {
        try {
            return Files.createFile(
                    file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createFile(file);
        }
    }
}
