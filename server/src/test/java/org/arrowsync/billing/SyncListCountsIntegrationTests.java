package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
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
 * The sync list's X-Result-Count read from the counts kept per settings record, month, state and Arrow's state (D231,
 * D233): always what counting the syncs gives, after syncs are added, change state, move with their mapping or to
 * another, and go with their mapping or settings record, and once folded.
 */
class SyncListCountsIntegrationTests extends IntegrationTest {

    private static final YearMonth PERIOD = TestClock.closedMonth();
    private static final String SYNCS = "/api/admin/arrow/billing-syncs/";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BillingSyncRepository syncs;

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
        long otherSettings = jdbc.sql("""
                        insert into arrow_settings (uuid, api_url, api_key, is_active, created, modified)
                        values (gen_random_uuid(), 'http://localhost:9', 'other-key', false, now(), now()) returning id""").query(Long.class).single();
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

        long deltas = countRows();
        syncs.foldCounts();

        assertThat(countRows()).isLessThan(deltas);
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

    private long countRows() {
        return jdbc.sql("select count(*) from billing_sync_counts")
                .query(Long.class)
                .single();
    }

    /** The list's X-Result-Count is what counting the syncs the same condition selects gives. */
    private void assertCounted(String url, String condition) {
        long counted = jdbc.sql("select count(*) from billing_syncs b join customer_mappings m"
                        + " on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id where "
                        + condition)
                .query(Long.class)
                .single();
        assertThat(api.get(url).expect(200).header("X-Result-Count")).as(url).isEqualTo(Long.toString(counted));
    }
}
