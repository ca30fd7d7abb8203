package org.arrowsync.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.arrowsync.support.Api;
import org.arrowsync.support.Response;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What every scenario shares: the work folder, the external PostgreSQL (a database per trial), a seeded random, and the
 * clean runs the trials are compared with.
 */
final class Lab implements AutoCloseable {

    static final String TEMPLATE = "DJ284LDZ-standard";

    final Path work;
    final ExternalPostgres postgres;
    final Random random;
    /** Options of every server's JVM. */
    private final List<String> jvm;

    private int databases;

    Lab(Path work, long seed, List<String> jvm) throws IOException {
        this.work = Files.createDirectories(work);
        this.postgres = ExternalPostgres.start(work.resolve("postgres"));
        this.random = new Random(seed);
        this.jvm = jvm;
    }

    /** A clean run's database and how long each month's sync ran (from the job's start to its end). */
    record CleanRun(Trial trial, Map<YearMonth, Duration> times) {

        Ledger ledger(Set<YearMonth> months) {
            return trial.ledger(months);
        }
    }

    /** The emulator's months synced one after another by one server that nothing disturbs. */
    CleanRun clean(EmulatorJar emulator, Set<YearMonth> months) throws Exception {
        Trial trial = trial("clean");
        ServerJar server = trial.server("clean");
        Map<YearMonth, Duration> times = new HashMap<>();
        try {
            String settings = trial.setUp(server, emulator);
            for (YearMonth month : new TreeSet<>(months)) {
                JsonNode job =
                        awaitJob(List.of(server), trigger(server.api(), settings, month), Duration.ofMinutes(10));
                if (!job.get("state").asString().equals("succeeded")) {
                    throw new IllegalStateException("the clean run failed: " + job);
                }
                times.put(month, ran(job));
            }
        } finally {
            server.stop();
        }
        return new CleanRun(trial, times);
    }

    /** A fresh database and a folder for the servers of one trial. */
    Trial trial(String name) {
        String database = postgres.createDatabase(name.replaceAll("[^a-z0-9]", "_") + "_" + ++databases);
        return new Trial(database, work.resolve(database));
    }

    final class Trial {
        final String database;
        final Path folder;

        Trial(String database, Path folder) {
            this.database = database;
            this.folder = folder;
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The trial's database dropped once its ledger is compared: a full report writes millions of rows, which the
         * disk need not keep.
         */
        void drop() {
            postgres.dropDatabase(database);
        }

        /** The job's state as its row says, read in the database (the server may be dead). */
        String state(String job) {
            return jdbc().sql("select state from arrow_jobs where uuid = ?::uuid")
                    .param(job)
                    .query(String.class)
                    .single();
        }

        /** Waits until the job's row says it runs. */
        void awaitRunning(String job) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!state(job).equals("running")) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("job " + job + " never started");
                }
                Thread.sleep(20);
            }
        }

        /**
         * The checks of a month's first sync that met a fault: succeeded, it left the clean run's ledger; failed, it
         * says why on the job and left nothing of the month.
         */
        List<String> endedCleanly(JsonNode job, YearMonth month, CleanRun clean) {
            List<String> failures = new ArrayList<>();
            Ledger after = ledger(Set.of(month));
            if (job.get("state").asString().equals("succeeded")) {
                failures.addAll(after.differences(clean.ledger(Set.of(month))));
            } else {
                if (job.get("error_message").asString().isBlank()) {
                    failures.add("failed without a reason on the job");
                }
                if (after.rows() > 0) {
                    failures.add("a failed sync left " + after.rows() + " ledger rows of " + month);
                }
            }
            return failures;
        }

        /** Syncs the month again, undisturbed: it succeeds and leaves the clean run's ledger. */
        List<String> syncsLikeTheCleanRun(ServerJar server, String settings, YearMonth month, CleanRun clean)
                throws InterruptedException {
            List<String> failures = new ArrayList<>();
            JsonNode job = awaitJob(List.of(server), trigger(server.api(), settings, month), Duration.ofMinutes(5));
            if (!job.get("state").asString().equals("succeeded")) {
                failures.add("the undisturbed sync " + job.get("state").asString() + ": " + job.get("error_message"));
            }
            failures.addAll(ledger(Set.of(month)).differences(clean.ledger(Set.of(month))));
            return failures;
        }

        ServerJar server(String name, String... arguments) throws IOException, InterruptedException {
            return ServerJar.start(folder, name, postgres.url(database), jvm, arguments);
        }

        JdbcClient jdbc() {
            return postgres.jdbc(database);
        }

        Ledger ledger(Set<YearMonth> months) {
            return Ledger.of(jdbc(), months);
        }

        /**
         * Active settings for the emulator through the API, and every scale customer mapped straight in the database
         * (setup, not under test).
         */
        String setUp(ServerJar server, EmulatorJar emulator) {
            String settings = server.api()
                    .post(
                            "/api/admin/arrow/settings/",
                            Map.of(
                                    "api_url",
                                    emulator.apiUrl(),
                                    "api_key",
                                    "demo-api-key",
                                    "export_type_reference",
                                    TEMPLATE))
                    .expect(201)
                    .text("uuid");
            jdbc().sql("""
                            insert into customers (uuid, name, created, modified)
                            select gen_random_uuid(), 'Scale customer ' || n, now(), now() from generate_series(1, :customers) n""").param("customers", emulator.customers()).update();
            jdbc().sql("""
                            insert into customer_mappings (uuid, settings_id, arrow_reference, arrow_company_name, customer_id, created, modified)
                            select gen_random_uuid(), (select id from arrow_settings where uuid = :settings::uuid), 'XSP' || (700000 + n), '',
                                   (select id from customers where name = 'Scale customer ' || n), now(), now()
                            from generate_series(1, :customers) n""")
                    .param("settings", settings)
                    .param("customers", emulator.customers())
                    .update();
            return settings;
        }

        /**
         * What consumption tracks, beside {@link #setUp}: a resource for every license of every mapped customer, in a
         * project of its customer (setup, not under test). The emulator's license {@code XSP<4000001 + i>} belongs to
         * customer {@code i / licensesPerCustomer}.
         */
        void licensedResources(EmulatorJar emulator) {
            jdbc().sql("""
                            insert into offerings (uuid, name, type, state, created, modified)
                            values (gen_random_uuid(), 'Arrow licenses', 'Marketplace.Basic', 'Active', now(), now())""").update();
            jdbc().sql("""
                            insert into projects (uuid, customer_id, name, created, modified)
                            select gen_random_uuid(), id, 'Project of ' || name, now(), now() from customers""").update();
            jdbc().sql("""
                            insert into resources (uuid, name, state, offering_id, project_id, attributes, created, modified)
                            select gen_random_uuid(), 'License ' || license, 'OK', (select id from offerings), p.id,
                                   jsonb_build_object('arrow_license_reference', license), now(), now()
                            from (select n, 'XSP' || (4000001 + (n - 1) * :licenses + slot) license
                                  from generate_series(1, :customers) n, generate_series(0, :licenses - 1) slot) l
                            join customers c on c.name = 'Scale customer ' || l.n
                            join projects p on p.customer_id = c.id""")
                    .param("customers", emulator.customers())
                    .param("licenses", emulator.licensesPerCustomer())
                    .update();
        }
    }

    static String trigger(Api api, String settings, YearMonth month) {
        return trigger(api, "trigger_sync", settings, month, Map.of());
    }

    /** Queues a job through {@code /api/admin/arrow/billing-syncs/<action>/} for the month; the job's uuid. */
    static String trigger(Api api, String action, String settings, YearMonth month, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.putAll(Map.of("year", month.getYear(), "month", month.getMonthValue(), "settings_uuid", settings));
        return api.post("/api/admin/arrow/billing-syncs/" + action + "/", body)
                .expect(202)
                .text("uuid");
    }

    /** Waits for the job to end, asking whichever of the servers still answers. */
    static JsonNode awaitJob(List<ServerJar> servers, String job, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            for (ServerJar server : servers) {
                if (!server.process().isAlive()) {
                    continue;
                }
                Response answer = server.api().get("/api/admin/arrow/jobs/" + job + "/");
                if (answer.status() != 200) {
                    break; // the database is away (scenario 4): ask again later
                }
                JsonNode state = answer.json();
                String name = state.get("state").asString();
                if (name.equals("succeeded") || name.equals("failed")) {
                    return state;
                }
                break;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("job " + job + " did not end within " + patience);
    }

    /** How long an ended job ran, from its start to its end. */
    static Duration ran(JsonNode job) {
        return Duration.between(
                Instant.parse(job.get("started").asString()),
                Instant.parse(job.get("finished").asString()));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
