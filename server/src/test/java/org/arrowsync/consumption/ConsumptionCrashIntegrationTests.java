package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.Application;
import org.arrowsync.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A server killed hard (SIGKILL, its own JVM) in the middle of a consumption run: the restarted server revives the job and the
 * ledger ends as one clean run leaves it — one provisional item per metered license, no duplicates, nothing lost.
 */
class ConsumptionCrashIntegrationTests {

    private static final Pattern DATABASE_PORT = Pattern.compile("Embedded PostgreSQL started on port (\\d+)");

    @TempDir
    Path folder;

    @Test
    void aRunKilledMidwayIsRevivedAfterARestartAndEndsLikeACleanRun() throws Exception {
        Server first = Server.start(folder, "first");
        ConsumptionWorld world;
        String job;
        try {
            world = ConsumptionWorld.create(first.api(), first.jdbc(), 2);
            world.control("POST", "faults", "{\"family\":\"consumption\",\"kind\":\"latency\",\"latencyMs\":400,\"probability\":1.0}");
            job = first.api().post("/api/admin/arrow/billing-syncs/trigger_consumption_sync/", world.period(ConsumptionWorld.CLOSED))
                    .expect(202).text("uuid");
            awaitRecords(first.jdbc(), 2);
        } finally {
            first.kill();
        }
        try {
            long partial = records(first.jdbc());
            assertThat(partial).as("records written before the kill").isBetween(2L, 7L);
        } finally {
            world.control("DELETE", "faults", null);
        }
        Server second = Server.start(folder, "second");
        try {
            JsonNode finished = world.awaitJobOn(second.api(), job);
            assertThat(finished.get("state").asString()).isEqualTo("succeeded");
            assertThat(finished.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
            JdbcClient jdbc = second.jdbc();
            assertThat(records(jdbc)).isEqualTo(8);
            List<Map<String, Object>> perLicense = jdbc.sql("""
                            select cr.license_reference, count(ii.id) as items, sum(ii.unit_price) as invoiced, max(cr.consumed_sell) as consumed
                            from consumption_records cr join invoice_items ii on ii.resource_id = cr.resource_id
                            group by cr.license_reference""").query().listOfRows();
            assertThat(perLicense).hasSize(8);
            for (Map<String, Object> row : perLicense) {
                assertThat(((Number) row.get("items")).intValue()).as("items of %s", row.get("license_reference")).isEqualTo(1);
                assertThat((BigDecimal) row.get("invoiced")).isEqualByComparingTo((BigDecimal) row.get("consumed"));
            }
        } finally {
            second.kill();
            world.close();
        }
    }

    private static long records(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from consumption_records").query(Long.class).single();
    }

    private static void awaitRecords(JdbcClient jdbc, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (records(jdbc) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** A whole server in its own JVM on the data folder, so it can be killed as a crash kills it. */
    private record Server(Process process, int port, int databasePort) {

        static Server start(Path folder, String name) throws IOException, InterruptedException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = folder.resolve(name + ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                    "--spring.profiles.active=test", "--server.port=" + port, "--arrowsync.data.dir=" + folder.resolve("data"),
                    "--arrowsync.admin-token=" + Api.ADMIN_TOKEN, "--arrowsync.jobs.heartbeat-interval=500ms",
                    "--arrowsync.jobs.missed-heartbeats-limit=4", "--arrowsync.consumption.workers=1",
                    "--arrowsync.arrow.client.requests-per-second=1000")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server " + name + " exited: " + Files.readString(log));
                }
                String output = Files.readString(log);
                Matcher matcher = DATABASE_PORT.matcher(output);
                if (matcher.find() && output.contains("Started Application")) {
                    return new Server(process, port, Integer.parseInt(matcher.group(1)));
                }
                Thread.sleep(200);
            }
            process.destroyForcibly();
            throw new IllegalStateException("server " + name + " did not start: " + Files.readString(log));
        }

        Api api() {
            return Api.at(port);
        }

        JdbcClient jdbc() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl("jdbc:postgresql://localhost:" + databasePort + "/postgres");
            dataSource.setUser("postgres");
            return JdbcClient.create(dataSource);
        }

        /** SIGKILL: no shutdown hook runs, the running job is left as a crash leaves it. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
