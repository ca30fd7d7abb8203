package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.ServerProcess;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

/**
 * A server killed hard (SIGKILL, its own JVM) in the middle of a consumption run, or its database connections cut: the
 * job runs again and the ledger ends as one clean run leaves it — one provisional item per metered license, no
 * duplicates, nothing lost.
 */
class ConsumptionCrashIntegrationTests {

    static final YearMonth MONTH = TestClock.closedMonth();

    @TempDir
    Path folder;

    @Test
    void aRunKilledMidwayIsRevivedAfterARestartAndEndsLikeACleanRun() throws Exception {
        ServerProcess first = start(folder, "first");
        ArrowFixture fixture;
        String job;
        try {
            fixture = ArrowFixture.on(first, Emulator.options());
            fixture.trackedResources(2);
            fixture.emulator()
                    .fault("{\"family\":\"consumption\",\"kind\":\"latency\",\"latencyMs\":400,\"probability\":1.0}");
            job = first.api()
                    .post("/api/admin/arrow/billing-syncs/trigger_consumption_sync/", fixture.period(MONTH))
                    .expect(202)
                    .text("uuid");
            awaitRecords(first.jdbc(), 2);
        } finally {
            first.kill();
        }
        try {
            long partial = records(first.jdbc());
            assertThat(partial).as("records written before the kill").isBetween(2L, 7L);
        } finally {
            fixture.emulator().clearFaults();
        }
        ServerProcess second = start(folder, "second");
        try {
            JsonNode finished = Jobs.await(second.api(), job);
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
                assertThat(((Number) row.get("items")).intValue())
                        .as("items of %s", row.get("license_reference"))
                        .isEqualTo(1);
                assertThat((BigDecimal) row.get("invoiced")).isEqualByComparingTo((BigDecimal) row.get("consumed"));
            }
        } finally {
            second.close();
            fixture.close();
        }
    }

    /**
     * What a PostgreSQL restart does to a consumption run, without the restart: while a license waits for its month
     * (held as a billing sync holds it), every connection of the server is ended. A lost connection is no license's
     * failure (D21, D62): the job runs again and ends with a clean run's records and items, not "succeeded" with the
     * license's error.
     */
    @Test
    void aSyncWhoseDatabaseConnectionsAreCutRunsAgainAndEndsLikeACleanRun() throws Exception {
        ServerProcess clean = start(Files.createDirectories(folder.resolve("clean")), "clean");
        JsonNode cleanJob;
        List<LicenseMonth> cleanLedger;
        try (ArrowFixture fixture = ArrowFixture.on(clean, Emulator.options())) {
            fixture.trackedResources(2);
            cleanJob = fixture.succeeded("trigger_consumption_sync", MONTH);
            cleanLedger = ledger(clean.jdbc());
        } finally {
            clean.close();
        }
        assertThat(cleanLedger).hasSize(8);

        ServerProcess server =
                start(Files.createDirectories(folder.resolve("cut")), "cut", "--arrowsync.jobs.retry-delay=1s");
        try (ArrowFixture fixture = ArrowFixture.on(server, Emulator.options())) {
            fixture.trackedResources(2);
            fixture.emulator()
                    .fault("{\"family\":\"consumption\",\"kind\":\"latency\",\"latencyMs\":300,\"probability\":1.0}");
            String job = server.api()
                    .post("/api/admin/arrow/billing-syncs/trigger_consumption_sync/", fixture.period(MONTH))
                    .expect(202)
                    .text("uuid");
            awaitRecords(server.jdbc(), 2);
            try (Connection billingSync = server.dataSource().getConnection()) {
                // The month held as a billing sync holds it, so that the next license's write waits inside its
                // transaction when the connections are cut; the cut ends the holder too.
                billingSync.setAutoCommit(false);
                JdbcClient.create(new SingleConnectionDataSource(billingSync, true))
                        .sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                        .param("billing|" + Uuids.fromPath(fixture.settings()) + "|" + MONTH)
                        .query(Object.class)
                        .single();
                await("a license's write queued behind the month lock")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> server.jdbc()
                                        .sql(
                                                "select count(*) from pg_locks where locktype = 'advisory' and not granted")
                                        .query(Long.class)
                                        .single()
                                > 0);
                assertThat(server.cutDatabaseConnections())
                        .as("connections ended")
                        .isPositive();
            }
            fixture.emulator().clearFaults();

            JsonNode finished = Jobs.await(server.api(), job);
            assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("succeeded");
            assertThat(finished.get("attempts").asInt()).as("run again").isEqualTo(2);
            assertThat(finished.get("result")).as("the run's report").isEqualTo(cleanJob.get("result"));
            assertThat(ledger(server.jdbc()))
                    .as("the clean run's records and items")
                    .isEqualTo(cleanLedger);
        } finally {
            server.close();
        }
    }

    /** One worker and no client-side rate limit, so the kill lands between licenses of one run. */
    private static ServerProcess start(Path folder, String name, String... more)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(
                List.of("--arrowsync.consumption.workers=1", "--arrowsync.arrow.client.requests-per-second=1000"));
        arguments.addAll(List.of(more));
        return ServerProcess.start(folder, name, arguments.toArray(String[]::new));
    }

    /** A license-month as the ledger holds it, told by what a run writes (not by ids or times). */
    record LicenseMonth(
            String license, LocalDate period, BigDecimal sell, BigDecimal buy, long items, BigDecimal invoiced) {}

    private static List<LicenseMonth> ledger(JdbcClient jdbc) {
        return jdbc.sql("""
                        select cr.license_reference, cr.billing_period, cr.consumed_sell, cr.consumed_buy,
                               count(ii.id), coalesce(sum(ii.unit_price * ii.quantity), 0)
                        from consumption_records cr left join invoice_items ii on ii.resource_id = cr.resource_id
                        group by cr.id order by cr.license_reference, cr.billing_period""")
                .query((row, i) -> new LicenseMonth(
                        row.getString(1),
                        row.getObject(2, LocalDate.class),
                        row.getBigDecimal(3),
                        row.getBigDecimal(4),
                        row.getLong(5),
                        row.getBigDecimal(6)))
                .list();
    }

    private static long records(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from consumption_records")
                .query(Long.class)
                .single();
    }

    private static void awaitRecords(JdbcClient jdbc, long count) {
        await(count + " consumption records")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> records(jdbc) >= count);
    }
}
