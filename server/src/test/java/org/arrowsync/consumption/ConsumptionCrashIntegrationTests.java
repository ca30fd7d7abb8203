package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.ServerProcess;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A server killed hard (SIGKILL, its own JVM) in the middle of a consumption run: the restarted server revives the job
 * and the ledger ends as one clean run leaves it — one provisional item per metered license, no duplicates, nothing
 * lost.
 */
class ConsumptionCrashIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void aRunKilledMidwayIsRevivedAfterARestartAndEndsLikeACleanRun() throws Exception {
        ServerProcess first = start("first");
        ArrowFixture fixture;
        String job;
        try {
            fixture = ArrowFixture.on(first.api(), first.jdbc(), Emulator.options());
            fixture.trackedResources(2);
            fixture.emulator()
                    .fault("{\"family\":\"consumption\",\"kind\":\"latency\",\"latencyMs\":400,\"probability\":1.0}");
            job = first.api()
                    .post(
                            "/api/admin/arrow/billing-syncs/trigger_consumption_sync/",
                            fixture.period(TestClock.closedMonth()))
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
        ServerProcess second = start("second");
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
            second.kill();
            fixture.close();
        }
    }

    /** One worker and no client-side rate limit, so the kill lands between licenses of one run. */
    private ServerProcess start(String name) throws IOException, InterruptedException {
        return ServerProcess.start(
                folder, name, "--arrowsync.consumption.workers=1", "--arrowsync.arrow.client.requests-per-second=1000");
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
