package org.arrowsync.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.arrowsync.database.EmbeddedDatabase;
import org.arrowsync.shared.DataFolder;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The data commands of the server's jar: {@code backup FILE}, {@code restore FILE} and {@code upgrade-data}, run on a
 * stopped server's data folder (or {@code SPRING_DATASOURCE_URL}) with the same configuration as the server.
 */
public final class DataCommands {

    private static final List<String> NAMES = List.of("backup", "restore", "upgrade-data");

    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    public DataCommands(Clock clock, PrintStream out, PrintStream err) {
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /**
     * Whether the arguments name a command rather than starting the server: any first argument but an option, so that a
     * mistyped command ({@code bakup FILE}) is refused instead of starting a server on the data it meant to back up.
     */
    public static boolean handles(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /** Runs the command the arguments name; returns the process's exit status. */
    public int run(String[] args) {
        List<String> files =
                Arrays.stream(args).skip(1).filter(arg -> !arg.startsWith("--")).toList();
        String command = args[0];
        if (!NAMES.contains(command)) {
            err.println("Unknown command " + command + ".");
            return usage();
        }
        if (command.equals("upgrade-data") ? !files.isEmpty() : files.size() != 1) {
            return usage();
        }
        try (ConfigurableApplicationContext settings = settings(args)) {
            DataFolder folder = settings.getBean(DataFolder.class);
            Environment environment = settings.getEnvironment();
            switch (command) {
                case "backup" -> backup(folder, environment, Path.of(files.get(0)));
                case "restore" -> restore(folder, environment, Path.of(files.get(0)));
                default -> upgrade(folder);
            }
            return 0;
        } catch (BackupRefused | IllegalStateException | FlywayException e) {
            err.println(e.getMessage());
        } catch (SQLException | IOException | UncheckedIOException e) {
            err.println(command + " failed: " + e.getMessage());
        }
        return 1;
    }

    private int usage() {
        err.println("Usage: java -jar arrowsync-server.jar [backup FILE | restore FILE | upgrade-data]"
                + " [--property=value ...]; without a command it starts the server.");
        return 2;
    }

    private void backup(DataFolder folder, Environment environment, Path file) throws SQLException, IOException {
        if (Files.exists(file)) {
            throw new BackupRefused("The file " + file + " exists; back up to a new file.");
        }
        // Written aside and renamed when complete, so FILE is never a partial backup.
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(partial);
        BackupSummary summary;
        boolean complete = false;
        try {
            try (Database database = Database.open(folder, environment);
                    Connection connection = database.dataSource().getConnection();
                    OutputStream target = Files.newOutputStream(DataFolder.createOwnerOnly(partial))) {
                summary = BackupWriter.write(connection, target, clock.instant());
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(partial);
            }
        }
        out.println("Backed up " + summary.rows() + " rows in " + summary.tables() + " tables (schema "
                + summary.schemaVersion() + ") to " + file);
    }

    private void restore(DataFolder folder, Environment environment, Path file) throws SQLException {
        // Checked before the data folder is touched: a bad file creates nothing.
        BackupSummary summary = BackupReader.verify(file);
        try (Database database = Database.open(folder, environment)) {
            Restore.restore(file, summary, database.dataSource());
        }
        out.println("Restored " + summary.rows() + " rows in " + summary.tables() + " tables (schema "
                + summary.schemaVersion() + "); counts and checksums match the backup. Start the server to bring"
                + " the schema up to date.");
    }

    private void upgrade(DataFolder folder) throws SQLException, IOException {
        DataUpgrade.Upgraded upgraded = DataUpgrade.upgrade(folder.path(), clock.instant());
        out.println("Moved " + upgraded.moved().rows() + " rows in "
                + upgraded.moved().tables()
                + " tables from PostgreSQL 14 to the new database; counts and checksums match. The old database is"
                + " kept in " + upgraded.oldCluster().toAbsolutePath() + ": delete it once the server runs well.");
    }

    /** The server's configuration (application.yml, environment, --options), without starting the server. */
    private static ConfigurableApplicationContext settings(String[] args) {
        return new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=WARN")
                .run(args);
    }

    @EnableConfigurationProperties(DataFolder.class)
    static class Settings {}

    /** The database a command works on: the data folder's embedded one, or the configured one. */
    private record Database(DataSource dataSource, Runnable closer) implements AutoCloseable {

        static Database open(DataFolder folder, Environment environment) {
            String url = environment.getProperty("spring.datasource.url", "");
            if (url.isBlank()) {
                EmbeddedDatabase embedded = EmbeddedDatabase.open(folder.path());
                return new Database(embedded.cluster().dataSource(), embedded::close);
            }
            PGSimpleDataSource external = new PGSimpleDataSource();
            external.setUrl(url);
            external.setUser(environment.getProperty("spring.datasource.username"));
            external.setPassword(environment.getProperty("spring.datasource.password"));
            return new Database(external, () -> {});
        }

        @Override
        public void close() {
            closer.run();
        }
    }
}
