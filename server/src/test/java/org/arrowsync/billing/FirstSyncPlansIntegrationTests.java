package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import org.arrowsync.emulator.data.Presets;
import org.arrowsync.emulator.data.ScaleOptions;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.ServerProcess;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * D82: a month's first sync on a fresh data folder, whose billing tables PostgreSQL last sampled empty (the migrations
 * analyze them). The foreign-key check of each line's sync was planned over the run's first few syncs, a sequential
 * scan, and scanned every sync the run had written since: quadratic in a large month. The run plans it again as its
 * syncs grow, so the checks find a sync by its key once the table outgrows a few pages.
 */
class FirstSyncPlansIntegrationTests {

    static final YearMonth MONTH = TestClock.closedMonth();

    /** 100,000 lines over 400 customers: 20 customers, so 20 new syncs, to a batch of 5,000 lines. */
    static final ScaleOptions SCALE =
            ScaleOptions.demo().withCustomers(400).withLicensesPerCustomer(5).withLinesPerLicense(50);

    @TempDir
    Path folder;

    @Test
    void aLargeFirstSyncFindsTheSyncsOfItsLinesByTheirKey() throws Exception {
        try (ServerProcess server = ServerProcess.start(folder, "server");
                ArrowFixture fixture = ArrowFixture.on(
                        server, Emulator.options().withPreset(Presets.SCALE).withScale(SCALE))) {
            fixture.mapAllCustomers();
            fixture.syncedBilling(MONTH);
            JdbcClient jdbc = server.jdbc();
            long lines = jdbc.sql("select count(*) from billing_sync_items")
                    .query(Long.class)
                    .single();
            assertThat(lines).isEqualTo(100_000);

            // The sync's backend reports its statistics when next idle, about a second after the commit
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> tableStatistic(jdbc, "billing_sync_items", "n_tup_ins") >= lines);
            long syncRowsScanned = tableStatistic(jdbc, "billing_syncs", "seq_tup_read");
            // Planned once, over the first batch's 20 syncs, the checks read 40.5 million rows (405 a line); planned
            // again as the syncs double, 0.9 million: the first batches', before an index scan is the cheaper
            assertThat(syncRowsScanned)
                    .as("rows of billing_syncs read by sequential scans")
                    .isLessThan(lines * 20);
        }
    }

    /** A column of {@code pg_stat_user_tables} for the table. */
    private static long tableStatistic(JdbcClient jdbc, String table, String column) {
        return jdbc.sql("select " + column + " from pg_stat_user_tables where relname = ?")
                .param(table)
                .query(Long.class)
                .single();
    }
}
