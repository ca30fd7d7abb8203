package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Recounts;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sync list's X-Result-Count read from the counts kept per settings record, month, state and Arrow's state (D231):
 * always what counting the syncs gives, after syncs are added, change state, move with their mapping or to another, and
 * go with their mapping or settings record, and once folded.
 */
class SyncListCountsIntegrationTests extends IntegrationTest {

    private static final YearMonth PERIOD = TestClock.closedMonth();
    private static final String SYNCS = "/api/admin/arrow/billing-syncs/";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BillingSyncRepository syncs;

    @Autowired
    DataSource dataSource;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    private String settings;

    @BeforeEach
    void month() {
        settings = fixture.settings();
        fixture.mapAllCustomers();
        fixture.syncedBilling(PERIOD);
    }

    @Test
    void theKeptCountsFollowTheSyncsThroughStatesMovesDeletionsAndFolds() {
        assertKeptCountsAreRecounts();

        jdbc.sql("update billing_syncs set state = 3 where id in (select id from billing_syncs order by id limit 2)")
                .update();
        jdbc.sql("update billing_syncs set arrow_state = 'validated', state = 4 where id = (select max(id) from"
                        + " billing_syncs)")
                .update();
        jdbc.sql("update billing_syncs set error_message = 'touched'").update();
        assertKeptCountsAreRecounts();

        // a mapping moves to another settings record with its syncs, a sync to another mapping
        long otherSettings = newSettingsRecord();
        jdbc.sql("update customer_mappings set settings_id = ? where id = (select customer_mapping_id"
                        + " from billing_syncs order by id limit 1)")
                .param(otherSettings)
                .update();
        jdbc.sql("update billing_syncs set customer_mapping_id = (select customer_mapping_id from billing_syncs"
                        + " order by id limit 1) where id = (select max(id) from billing_syncs)")
                .update();
        assertKeptCountsAreRecounts();

        jdbc.sql("delete from billing_syncs where id = (select min(id) from billing_syncs)")
                .update();
        // a mapping deleted takes its syncs by cascade, after the mapping's row is gone
        jdbc.sql("delete from customer_mappings where id = (select customer_mapping_id from billing_syncs"
                        + " order by id desc limit 1)")
                .update();
        assertKeptCountsAreRecounts();
        // a settings record deleted takes its mappings, and theirs their syncs
        jdbc.sql("delete from arrow_settings where id = ?").param(otherSettings).update();
        assertKeptCountsAreRecounts();

        long deltas = Recounts.rows(jdbc, "billing_sync_counts");
        syncs.foldCounts();

        assertThat(Recounts.rows(jdbc, "billing_sync_counts")).isLessThan(deltas);
        assertThat(jdbc.sql("""
                        select count(*) from billing_sync_counts
                        group by report_period, settings_id, state, arrow_state having count(*) > 1""").query(Long.class).list())
                .as("one row for each settings record, month and state")
                .isEmpty();
        assertKeptCountsAreRecounts();
    }

    @Test
    void theSyncListCountsWhatItsFiltersSelect() {
        jdbc.sql("update billing_syncs set state = 3 where id = (select min(id) from billing_syncs)")
                .update();
        String mapping = jdbc.sql("select m.uuid::text from customer_mappings m join billing_syncs b"
                        + " on b.customer_mapping_id = m.id order by b.id limit 1")
                .query(String.class)
                .single();

        assertThat(jdbc.sql("select count(*) from billing_syncs where report_period = ?")
                        .param(PERIOD.toString())
                        .query(Long.class)
                        .single())
                .as("the month's syncs")
                .isGreaterThan(2);
        for (boolean folded : List.of(false, true)) {
            if (folded) {
                syncs.foldCounts();
            }
            assertCounted(SYNCS, "true");
            assertCounted(SYNCS + "?report_period=" + PERIOD, "b.report_period = '" + PERIOD + "'");
            assertCounted(SYNCS + "?report_period=" + PERIOD.minusMonths(1), "false");
            assertCounted(SYNCS + "?state=2", "b.state = 2");
            assertCounted(
                    SYNCS + "?state=3&report_period_from=" + PERIOD + "&report_period_to=" + PERIOD,
                    "b.state = 3 and b.report_period = '" + PERIOD + "'");
            assertCounted(SYNCS + "?arrow_state=Pending", "b.arrow_state = 'pending'");
            assertCounted(SYNCS + "?report_period_from=" + PERIOD.plusMonths(1), "false");
            assertCounted(
                    SYNCS + "?settings_uuid=" + settings + "&state=2", "s.uuid = '" + settings + "' and b.state = 2");
            assertCounted(SYNCS + "?customer_mapping_uuid=" + mapping, "m.uuid = '" + mapping + "'");
        }
    }

    /**
     * A run moving a sync's state while an operator moves its mapping to another settings record, in either order:
     * whichever commits second reads what the first committed, so the sync is counted once, in its new state under its
     * new record.
     */
    @Test
    void aStateMovedWhileItsMappingMovesIsCountedOnceWhereBothLeaveIt() throws Exception {
        for (boolean runFirst : List.of(true, false)) {
            long sync = newSync();
            long other = newSettingsRecord();
            String moveState = "update billing_syncs set state = 5 - state where id = " + sync;
            String moveMapping = "update customer_mappings set settings_id = " + other
                    + " where id = (select customer_mapping_id from billing_syncs where id = " + sync + ")";
            try (Connection first = dataSource.getConnection();
                    Connection second = dataSource.getConnection()) {
                first.setAutoCommit(false);
                second.setAutoCommit(false);
                first.createStatement().executeUpdate(runFirst ? moveState : moveMapping);
                CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                    try {
                        int moved = second.createStatement().executeUpdate(runFirst ? moveMapping : moveState);
                        second.commit();
                        return moved;
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(300);
                assertThat(waiting).as("the second waits for the first").isNotDone();
                first.commit();
                assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertKeptCountsAreRecounts();
            // the record goes with its mapping and the sync: the other lists of the shared database never see them
            jdbc.sql("delete from arrow_settings where id = ?").param(other).update();
            assertKeptCountsAreRecounts();
        }
    }

    /** A sync, on an invoice of the month, of a mapping of its own: what other tests deleted does not matter. */
    private long newSync() {
        return jdbc.sql("""
                        with m as (insert into customer_mappings (uuid, settings_id, arrow_reference, arrow_company_name,
                                                                  customer_id, created, modified)
                                   select gen_random_uuid(), s.id, 'XSP-RACE-' || gen_random_uuid(), '',
                                          (select min(id) from customers), now(), now()
                                   from arrow_settings s where s.uuid = ?::uuid returning id)
                        insert into billing_syncs (uuid, customer_mapping_id, statement_reference, report_period, state,
                                                   invoice_id, created, modified)
                        select gen_random_uuid(), m.id, 'RACE', ?, 2, (select max(id) from invoices), now(), now() from m
                        returning id""")
                .params(settings, PERIOD.toString())
                .query(Long.class)
                .single();
    }

    private long newSettingsRecord() {
        return jdbc.sql("""
                        insert into arrow_settings (uuid, api_url, api_key, is_active, created, modified)
                        values (gen_random_uuid(), 'http://localhost:9', 'other-key', false, now(), now()) returning id""").query(Long.class).single();
    }

    /** The list's counts by month and state read the kept counts, not the syncs (D231). */
    @Test
    void aCountByMonthAndStateReadsTheKeptCounts() {
        for (BillingSyncQueries.SyncFilter filter : List.of(
                new BillingSyncQueries.SyncFilter(null, null, null, null, null, null, null, null),
                new BillingSyncQueries.SyncFilter(null, null, null, PERIOD, null, null, 2, "pending"),
                new BillingSyncQueries.SyncFilter(
                        null, Uuids.fromPath(settings), null, null, null, null, null, null))) {
            String plan = String.join("\n", syncs.countPlan(filter));
            assertThat(plan)
                    .as(filter.toString())
                    .contains("on billing_sync_counts")
                    .doesNotContain("on billing_syncs");
        }
    }

    private void assertKeptCountsAreRecounts() {
        assertThat(Recounts.differences(jdbc, """
                        select report_period, settings_id, state, arrow_state, sum(syncs) from billing_sync_counts
                        group by 1, 2, 3, 4 having sum(syncs) <> 0""", """
                        select b.report_period, m.settings_id, b.state, b.arrow_state, count(*)
                        from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                        group by 1, 2, 3, 4"""))
                .as("kept sync counts that differ from a recount")
                .isEmpty();
    }

    /** The list's X-Result-Count is what counting the syncs the same condition selects gives. */
    private void assertCounted(String url, String condition) {
        Recounts.assertListCount(
                jdbc,
                api,
                url,
                "billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id"
                        + " join arrow_settings s on s.id = m.settings_id",
                condition);
    }
}
