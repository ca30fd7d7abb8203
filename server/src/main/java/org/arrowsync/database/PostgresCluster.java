package org.arrowsync.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.arrowsync.shared.DataFolder;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL server run from the zonky binaries on a cluster folder ({@code PGDATA}). The server's own cluster is
 * durable and password-protected; a PostgreSQL 14 cluster of an earlier release is only ever started to be read by
 * upgrade-data (D27).
 */
public final class PostgresCluster implements AutoCloseable {

    /** The major version of the binaries the server runs. */
    public static final int CURRENT_MAJOR = 18;

    /** The major version earlier releases ran, which upgrade-data reads. */
    public static final int LEGACY_MAJOR = 14;

    static final String SUPERUSER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(PostgresCluster.class);

    /** One instance, so zonky unpacks the PostgreSQL 14 binaries once per JVM (it caches by resolver). */
    private static final PgBinaryResolver POSTGRES_14 = (system, hardware) -> {
        String name = "postgres14/postgres-%s-%s.txz"
                .formatted(system.toLowerCase(Locale.ROOT), ArchUtils.normalize(hardware));
        InputStream binaries = PostgresCluster.class.getClassLoader().getResourceAsStream(name);
        if (binaries == null) {
            throw new PostgresBinariesMissing(LEGACY_MAJOR, system + " " + hardware);
        }
        return binaries;
    };

    private final EmbeddedPostgres postgres;
    private final Path pgData;
    /** Null for a PostgreSQL 14 cluster, which earlier releases ran without a password. */
    private final Path passwordFile;

    private final Optional<String> password;

    private PostgresCluster(EmbeddedPostgres postgres, Path pgData, Path passwordFile, Optional<String> password) {
        this.postgres = postgres;
        this.pgData = pgData;
        this.passwordFile = passwordFile;
        this.password = password;
    }

    /**
     * Starts the server's own cluster, initialising it on first use: scram-sha-256 for every connection with the
     * password in {@code passwordFile} (generated here when the cluster is new), fsync, synchronous commit and full
     * page writes on. zonky's defaults are a throwaway test database's: it runs initdb with {@code -A trust} and starts
     * the server with {@code -F} (fsync off) and {@code synchronous_commit=off}; the options below come after its own
     * on both command lines, so they win.
     */
    public static PostgresCluster start(Path pgData, Path passwordFile) {
        return start(pgData, passwordFile, true);
    }

    /**
     * The same, where {@code stopsWithTheJvm} false leaves stopping the cluster to {@link #close} alone: a server's
     * context closes it once its jobs have finished and its pool is closed, where zonky's shutdown hook, running beside
     * Spring's, would stop it at once under the running job (D101).
     */
    public static PostgresCluster start(Path pgData, Path passwordFile, boolean stopsWithTheJvm) {
        return start(pgData, passwordFile, stopsWithTheJvm, OptionalInt.empty());
    }

    /**
     * Starts this cluster again after its PostgreSQL stopped without being asked (killed, out of memory), on the same
     * port, so the connections a pool opens next reach it at the address it already has. zonky's lock on the folder is
     * released first; the stop it tries on the way logs that nothing was running.
     */
    PostgresCluster restart() {
        if (passwordFile == null) {
            throw new IllegalStateException("A PostgreSQL " + LEGACY_MAJOR + " cluster is only read, never restarted");
        }
        close();
        return start(pgData, passwordFile, false, OptionalInt.of(port()));
    }

    private static PostgresCluster start(Path pgData, Path passwordFile, boolean stopsWithTheJvm, OptionalInt port) {
        try {
            stopOrphanedPostmaster(pgData);
            boolean initialised = Files.exists(pgData.resolve("postgresql.conf"));
            if (!initialised && !Files.exists(passwordFile)) {
                DataFolder.writeOwnerOnly(passwordFile, newPassword());
            }
            if (!Files.exists(passwordFile)) {
                throw new IllegalStateException("The database password file " + passwordFile.toAbsolutePath()
                        + " is missing; the cluster in " + pgData.toAbsolutePath() + " cannot be opened without it");
            }
            String password = Files.readAllLines(passwordFile).get(0).trim();
            EmbeddedPostgres.Builder builder = builder(pgData);
            port.ifPresent(builder::setPort);
            EmbeddedPostgres postgres = builder
                    // zonky passes these as extra initdb options ("--key=value") after its own "-A trust".
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // PostgreSQL's own log, which zonky's pipe would hand to a muted logger: a week of files in the
                    // cluster's log folder, one a weekday, each overwritten a week later
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", "log")
                    .setServerConfig("log_filename", "postgresql-%a.log")
                    .setServerConfig("log_truncate_on_rotation", "on")
                    .setServerConfig("log_rotation_age", "1d")
                    .setServerConfig("log_rotation_size", "0")
                    .setConnectConfig("password", password)
                    .setRegisterShutdownHook(stopsWithTheJvm)
                    .start();
            ownBinaries(pgData);
            return new PostgresCluster(postgres, pgData, passwordFile, Optional.of(password));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot start the embedded PostgreSQL in " + pgData.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts an existing PostgreSQL 14 cluster as earlier releases ran it (trust authentication on localhost), or
     * initialises one in an empty folder as they did. Only upgrade-data and its tests call this, and only for as long
     * as it takes to read the data.
     */
    public static PostgresCluster startPostgres14(Path pgData) {
        try {
            stopOrphanedPostmaster(pgData);
            EmbeddedPostgres postgres =
                    builder(pgData).setPgBinaryResolver(POSTGRES_14).start();
            ownBinaries(pgData);
            return new PostgresCluster(postgres, pgData, null, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot start PostgreSQL " + LEGACY_MAJOR + " in " + pgData.toAbsolutePath() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The major version of the cluster in {@code pgData}, empty where there is no cluster yet. */
    public static OptionalInt majorVersion(Path pgData) {
        Path versionFile = pgData.resolve("PG_VERSION");
        if (!Files.exists(versionFile)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(versionFile).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + versionFile.toAbsolutePath(), e);
        }
    }

    /**
     * PostgreSQL's binaries unpack beside the cluster, in the owner-only data folder: zonky's default folder, shared in
     * the temporary directory, is writable by every user of the host, who could swap the {@code postgres} binary that
     * then runs with the server's rights over the ledger. Zonky makes the folder writable to all as it unpacks there,
     * so it is made the owner's alone again once the cluster has started ({@link #ownBinaries}).
     */
    static Path binariesFolder(Path pgData) {
        return pgData.toAbsolutePath().resolveSibling("postgres-binaries");
    }

    /** The binaries' folder, when this cluster's start unpacked them (zonky reuses what it unpacked in this JVM). */
    private static void ownBinaries(Path pgData) {
        Path binaries = binariesFolder(pgData);
        if (Files.isDirectory(binaries)) {
            EmbeddedDatabase.ownerOnly(binaries);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path pgData) {
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binariesFolder(pgData).toFile())
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, "postgres");
    }

    /** Empty for a PostgreSQL 14 cluster, which earlier releases ran without one. */
    public Optional<String> password() {
        return password;
    }

    /** A plain, unpooled data source, for the commands that run one long transaction. */
    public DataSource dataSource() {
        return dataSource("postgres");
    }

    /** A plain, unpooled data source on another database of the cluster, as its superuser. */
    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.getJdbcUrl(SUPERUSER, database));
        dataSource.setUser(SUPERUSER);
        password.ifPresent(dataSource::setPassword);
        return dataSource;
    }

    /** This cluster's PostgreSQL process, if it runs. */
    Optional<ProcessHandle> postmaster() {
        try {
            return postmaster(pgData);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the pid file of " + pgData.toAbsolutePath(), e);
        }
    }

    /**
     * The PostgreSQL process serving {@code pgData}, if one runs: the live postgres its pid file names, started on this
     * folder. A stale pid file's pid may name another process by now, a session of another cluster among them (D264).
     */
    public static Optional<ProcessHandle> postmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        Path folder = pgData.toRealPath();
        return Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(process -> process.info()
                        .command()
                        .map(command -> command.contains("postgres"))
                        .orElse(false))
                .filter(process -> servesFolder(process, folder));
    }

    /**
     * Whether a postgres process is a postmaster started on this folder ({@code -D <folder>}, a relative one read from
     * the process's working folder where the system shows it): a session's command line is its title, no {@code -D}.
     */
    private static boolean servesFolder(ProcessHandle process, Path folder) {
        List<String> arguments = process.info().arguments().map(List::of).orElse(List.of());
        int option = arguments.indexOf("-D");
        if (option < 0 || option + 1 >= arguments.size()) {
            return false;
        }
        Path named = Path.of(arguments.get(option + 1));
        Path workingFolder = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            Path served = named.isAbsolute() || !Files.exists(workingFolder)
                    ? named.toRealPath()
                    : workingFolder.toRealPath().resolve(named).toRealPath();
            return served.equals(folder);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A server killed hard leaves its PostgreSQL child running. Callers hold the data folder lock (or know its server
     * is gone), so any postmaster still serving this folder is that orphan: stop it, in PostgreSQL's fast shutdown
     * (SIGINT), which ends the sessions still connected (an operator's {@code psql}, another server) where the smart
     * one (SIGTERM) waits for them; and wait until it is gone, as a new postmaster refuses a folder whose pid file
     * names a live one (D264).
     */
    public static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Optional<ProcessHandle> orphan = postmaster(pgData);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        log.warn("Stopping an orphaned PostgreSQL (pid {}) left on {} by an earlier server", postmaster.pid(), pgData);
        try {
            if (!fastShutdown(postmaster) || !exits(postmaster, Duration.ofSeconds(30))) {
                postmaster.destroyForcibly();
                if (!exits(postmaster, Duration.ofSeconds(10))) {
                    throw new IOException("The orphaned PostgreSQL (pid " + postmaster.pid() + ") on " + pgData
                            + " does not stop; stop it, then start the server again");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the orphaned PostgreSQL on " + pgData, e);
        }
    }

    /** Asks PostgreSQL for its fast shutdown (SIGINT); whether the signal was sent. */
    private static boolean fastShutdown(ProcessHandle postmaster) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return postmaster.destroy(); // no kill command: the smart shutdown, then the forced end
        }
    }

    private static boolean exits(ProcessHandle process, Duration within) throws InterruptedException {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return !process.isAlive();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /** This build carries no PostgreSQL binaries of that major for this platform. */
    public static final class PostgresBinariesMissing extends IllegalStateException {
        PostgresBinariesMissing(int major, String platform) {
            super("This build has no PostgreSQL " + major + " binaries for " + platform
                    + "; upgrade-data runs where it has them (Linux x86-64)");
        }
    }
}
