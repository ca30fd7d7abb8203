package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.arrowclient.License;
import org.arrowsync.consumption.ConsumptionSyncService.ConsumptionSyncReport;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.shared.Progress;
import org.arrowsync.support.Api;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Performance figures (run by {@code bench/consumption-sync}, excluded from the normal build): a consumption run over
 * 2,000 licensed resources against an emulator limited to 100 requests/s with 20 ms latency per call, and
 * {@code consumption_statistics} over 1,000,000 records against the raw SQL aggregate.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"arrowsync.arrow.client.requests-per-second=100", "arrowsync.consumption.workers=8"})
@ActiveProfiles("test")
class ConsumptionBenchmark {

    static final int LICENSES = 2_000;
    static final double EMULATOR_RATE = 100;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsumptionSyncService consumption;

    @Autowired
    SyncOrders orders;

    private Emulator emulator;
    private UUID settingsUuid;

    @BeforeAll
    void setUp() {
        emulator = Emulator.start();
        emulator.preset("{\"preset\":\"scale\",\"customers\":200,\"licensesPerCustomer\":10,\"linesPerLicense\":3}");
        List<License> licenses = emulator.client().licenses();
        assertThat(licenses).hasSize(LICENSES);
        settingsUuid = BenchData.create(jdbc, emulator, licenses);
        emulator.rateLimit(EMULATOR_RATE);
        emulator.fault("{\"family\":\"consumption\",\"kind\":\"latency\",\"latencyMs\":20,\"probability\":1.0}");
        emulator.resetStats();
    }

    @AfterAll
    void tearDown() {
        emulator.close();
    }

    @Test
    void consumptionSyncOf2000LicensesStaysCloseToTheRateLimit() {
        SyncOrder order = orders.ofJob(settingsUuid, TestClock.closedMonth(), null, false);
        long start = System.nanoTime();
        ConsumptionSyncReport report = consumption.sync(order, Progress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        var stats = emulator.stats().path("consumption");
        long requests = stats.path("requests").asLong();
        long throttled = stats.path("429").asLong();
        double ideal = LICENSES / EMULATOR_RATE;
        System.out.printf(
                "%nBENCH consumption-sync: %d licenses, wall %.2f s, %d requests, %.1f requests/s, %d x 429, ratio to ideal "
                        + "(%.0f s) %.3f, synced %d, no data %d, errors %d%n",
                LICENSES,
                seconds,
                requests,
                requests / seconds,
                throttled,
                ideal,
                seconds / ideal,
                report.synced(),
                report.noData(),
                report.errorCount());
        assertThat(report.errorCount()).isZero();
        assertThat(report.synced() + report.noData()).isEqualTo(LICENSES);
    }

    @Test
    void statisticsOverAMillionRecordsCostAboutTheRawAggregate() {
        BenchData.millionRecords(jdbc);
        Api api = Api.at(port);
        String raw = """
                select count(*), count(*) filter (where finalized_at is null), count(finalized_at), count(reconciled_at),
                       coalesce(sum(consumed_sell), 0), coalesce(sum(final_sell - consumed_sell) filter (where final_sell is not null), 0)
                from consumption_records""";
        double sql = median(() -> jdbc.sql(raw).query().singleRow());
        double endpoint = median(() -> api.get("/api/admin/arrow/billing-syncs/consumption_statistics/")
                .expect(200));
        long total = api.get("/api/admin/arrow/billing-syncs/consumption_statistics/")
                .json()
                .get("total_records")
                .asLong();
        System.out.printf(
                "%nBENCH consumption_statistics: %d records, endpoint %.1f ms, raw SQL aggregate %.1f ms, ratio %.2f%n",
                total, endpoint, sql, endpoint / sql);
        assertThat(total).isGreaterThanOrEqualTo(1_000_000);
    }

    private static double median(Runnable call) {
        call.run();
        double[] millis = new double[7];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    /** Bulk SQL set-up: settings, 200 mapped customers, one OK resource per license, and a million records. */
    static final class BenchData {

        static UUID create(JdbcClient jdbc, Emulator emulator, List<License> licenses) {
            jdbc.sql("update arrow_settings set is_active = false").update();
            UUID settings = UUID.randomUUID();
            jdbc.sql("""
                            insert into arrow_settings (uuid, api_url, api_key, export_type_reference, is_active, sync_enabled, created, modified)
                            values (?, ?, ?, ?, true, false, now(), now())""")
                    .params(settings, emulator.apiUrl(), emulator.apiKey(), ExportTemplates.ALT_REFERENCE)
                    .update();
            long offering = jdbc.sql(
                            "insert into offerings (uuid, name, type, state, created, modified) values (?, 'Bench', 'Marketplace.Basic',"
                                    + " 'Active', now(), now()) returning id")
                    .param(UUID.randomUUID())
                    .query(Long.class)
                    .single();
            Map<String, Long> projects = new LinkedHashMap<>();
            for (License license : licenses) {
                long project = projects.computeIfAbsent(license.customerReference(), reference -> {
                    long customer = jdbc.sql(
                                    "insert into customers (uuid, name, created, modified) values (?, ?, now(), now()) returning id")
                            .params(UUID.randomUUID(), "Bench " + reference)
                            .query(Long.class)
                            .single();
                    jdbc.sql("""
                                    insert into customer_mappings (uuid, settings_id, arrow_reference, customer_id, created, modified)
                                    select ?, id, ?, ?, now(), now() from arrow_settings where uuid = ?""")
                            .params(UUID.randomUUID(), reference, customer, settings)
                            .update();
                    return jdbc.sql(
                                    "insert into projects (uuid, customer_id, name, created, modified) values (?, ?, 'Bench', now(), now())"
                                            + " returning id")
                            .params(UUID.randomUUID(), customer)
                            .query(Long.class)
                            .single();
                });
                jdbc.sql("""
                                insert into resources (uuid, name, state, offering_id, project_id, attributes, created, modified)
                                values (?, ?, 'OK', ?, ?, jsonb_build_object('arrow_license_reference', ?::text), now(), now())""")
                        .params(
                                UUID.randomUUID(),
                                "Bench " + license.reference(),
                                offering,
                                project,
                                license.reference())
                        .update();
            }
            return settings;
        }

        /** 2,000 resources × 500 months, a third finalised, a sixth reconciled. */
        static void millionRecords(JdbcClient jdbc) {
            jdbc.sql("""
                            insert into consumption_records (uuid, settings_id, resource_id, license_reference, billing_period, consumed_sell,
                                                             consumed_buy, final_sell, final_buy, finalized_at, reconciled_at, last_sync_at,
                                                             created, modified)
                            select gen_random_uuid(), cm.settings_id, r.id, r.attributes ->> 'arrow_license_reference',
                                   date '1960-01-01' + make_interval(months => m), (r.id % 97) + m / 7.0, (r.id % 89) + m / 9.0,
                                   case when m % 3 = 0 then (r.id % 97) + m / 6.0 end, case when m % 3 = 0 then (r.id % 89) + m / 8.0 end,
                                   case when m % 3 = 0 then now() end, case when m % 6 = 0 then now() end, now(), now(), now()
                            from resources r join projects p on p.id = r.project_id
                            join customer_mappings cm on cm.customer_id = p.customer_id
                            cross join generate_series(0, 499) as m
                            where r.name like 'Bench XSP%'
                            on conflict do nothing""").update();
            jdbc.sql("analyze consumption_records").update();
        }
    }
}
