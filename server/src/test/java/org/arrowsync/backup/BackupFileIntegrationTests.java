package org.arrowsync.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.arrowsync.backup.BackupRestoreIntegrationTests.Command;
import org.arrowsync.database.EmbeddedDatabase;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Backup files that must not be restored, and targets that must not be restored into: refused, nothing written. */
class BackupFileIntegrationTests extends IntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    EmbeddedDatabase database;

    @TempDir
    Path work;

    Path backup;

    @BeforeEach
    void takeABackup() throws Exception {
        fixture.customer("Backed Up Ltd");
        backup = work.resolve("good.backup.gz");
        assertThat(BackupRestoreIntegrationTests.download(port, backup).statusCode())
                .isEqualTo(200);
    }

    @Test
    void onlyStaffDownloadBackups() {
        api.as("no-such-token").get("/api/admin/backup/").expect(401);
        api.as(fixture.userToken()).get("/api/admin/backup/").expect(403);
    }

    @Test
    void refusesATruncatedFileBeforeCreatingAnything() throws IOException {
        byte[] bytes = Files.readAllBytes(backup);
        Path truncated = work.resolve("truncated.backup.gz");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 40));
        Path folder = work.resolve("target");

        Command restore = restore(truncated, folder);

        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.output()).contains("is not a complete arrowsync backup");
        assertThat(folder).doesNotExist();
    }

    @Test
    void refusesAFileWithAnAlteredRow() throws IOException {
        Path altered = rewrite("altered", lines -> {
            int customer = lines.indexOf(lines.stream()
                            .filter(line -> line.startsWith("table customers "))
                            .findFirst()
                            .orElseThrow())
                    + 1;
            lines.set(customer, lines.get(customer).replaceFirst("\t", "\t9"));
            return lines;
        });
        Path folder = work.resolve("target");

        Command restore = restore(altered, folder);

        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.output()).contains("the rows of table customers do not match their count and checksum");
        assertThat(folder).doesNotExist();
    }

    @Test
    void refusesABackupOfANewerSchemaAndLeavesTheTargetEmpty() throws IOException {
        Path newer = rewriteWithChecksum("newer", lines -> {
            lines.set(1, "schema 99991231235959");
            return lines;
        });
        Path folder = work.resolve("target");

        Command refused = restore(newer, folder);

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.output()).contains("comes from a newer arrowsync (schema 99991231235959");
        assertThat(restore(backup, folder).status())
                .as("the target was left empty")
                .isZero();
    }

    @Test
    void aLoadThatFailsHalfWayLeavesTheTargetEmpty() throws IOException {
        Path renamed = rewriteWithChecksum("renamed", lines -> {
            lines.replaceAll(line -> line.startsWith("table runtime_flags ") ? line.replace(",value", ",valu") : line);
            return lines;
        });
        Path folder = work.resolve("target");

        Command refused = restore(renamed, folder);

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.output()).contains("does not match the schema");
        assertThat(restore(backup, folder).status())
                .as("the target was left empty")
                .isZero();
    }

    @Test
    void refusesANonEmptyTargetEmbeddedOrExternal() {
        Path folder = work.resolve("target");
        assertThat(restore(backup, folder).status()).isZero();

        Command again = restore(backup, folder);
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.output()).contains("The target database is not empty");

        Command external = Command.run(
                "restore",
                backup.toString(),
                "--spring.datasource.url=" + database.cluster().jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=" + database.cluster().password().orElseThrow());
        assertThat(external.status()).isEqualTo(1);
        assertThat(external.output()).contains("The target database is not empty");
    }

    @Test
    void backsUpAnExternalDatabaseAndRefusesToOverwriteAFile() throws IOException {
        Path file = work.resolve("external.backup.gz");
        String[] external = {
            "--spring.datasource.url=" + database.cluster().jdbcUrl(),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=" + database.cluster().password().orElseThrow()
        };
        List<String> args = new ArrayList<>(List.of("backup", file.toString()));
        args.addAll(List.of(external));

        Command backedUp = Command.run(args.toArray(String[]::new));
        assertThat(backedUp.status()).as(backedUp.output()).isZero();
        assertThat(BackupReader.verify(file).tables())
                .isEqualTo(BackupReader.verify(backup).tables());

        Command again = Command.run(args.toArray(String[]::new));
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.output()).contains("exists; back up to a new file");
    }

    private static Command restore(Path file, Path folder) {
        return Command.run("restore", file.toString(), "--arrowsync.data.dir=" + folder);
    }

    /** The backup with its lines edited, checksums left as they were. */
    private Path rewrite(String name, UnaryOperator<List<String>> edit) throws IOException {
        return write(name, edit.apply(lines(backup)));
    }

    /** The backup with its lines edited and its whole-file checksum made to match, as a forger would. */
    private Path rewriteWithChecksum(String name, UnaryOperator<List<String>> edit) throws IOException {
        List<String> lines = edit.apply(lines(backup));
        String end = lines.remove(lines.size() - 1);
        var digest = BackupFormat.sha256();
        lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        lines.add(end.replaceFirst("sha256 \\w+$", "sha256 " + HexFormat.of().formatHex(digest.digest())));
        return write(name, lines);
    }

    private static List<String> lines(Path file) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = work.resolve(name + ".backup.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
