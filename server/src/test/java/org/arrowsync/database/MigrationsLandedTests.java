package org.arrowsync.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * D268: a migration that has landed is never edited, renamed or removed: a database it ran on keeps its checksum, and
 * Flyway refuses to start on a folder whose applied migration differs from the file (an operator who upgrades is locked
 * out). {@code migrations.sha256} holds every landed migration's SHA-256; a new one is added to it as it lands
 * ({@code sha256sum V… >> server/src/test/resources/migrations.sha256}, from the migration folder).
 */
class MigrationsLandedTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path LANDED = Path.of("src/test/resources/migrations.sha256");

    @Test
    void everyLandedMigrationIsAsItLandedAndEveryMigrationHasLanded() throws IOException {
        Map<String, String> landed;
        try (Stream<String> lines = Files.lines(LANDED)) {
            landed = lines.filter(line -> !line.isBlank())
                    .map(line -> line.split("\\s+", 2))
                    .collect(Collectors.toMap(parts -> parts[1].strip(), parts -> parts[0], (a, b) -> a, TreeMap::new));
        }
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".sql")).toList()) {
                present.put(file.getFileName().toString(), sha256(file));
            }
        }
        assertThat(present)
                .as("each landed migration unchanged, and each new one listed in %s", LANDED)
                .containsExactlyEntriesOf(landed);
        assertThat(present.keySet().stream().map(name -> name.substring(0, name.indexOf("__"))))
                .as("one migration a version")
                .doesNotHaveDuplicates();
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
