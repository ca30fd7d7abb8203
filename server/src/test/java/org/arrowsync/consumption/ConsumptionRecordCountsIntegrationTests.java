package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * D145: the consumption-record list counts a month and its finalised and reconciled records from counts kept of them,
 * always what counting the records gives: after a consumption run, a finalisation, a forced one, the hourly run again,
 * a record reopened by a historical sync or by hand, records deleted alone and with their resource, and once the counts
 * are folded.
 */
class ConsumptionRecordCountsIntegrationTests extends IntegrationTest {

    private static final String RECORDS = "/api/admin/arrow/consumption-records/";
    private static final YearMonth CLOSED = TestClock.closedMonth();

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsumptionRecordRepository records;

    @BeforeEach
    void trackTwoCustomers() {
        fixture.trackedResources(2);
    }

    @Test
    void theKeptCountsAreTheRecordsCountedThroughAMonthsRuns() {
        fixture.succeeded("trigger_consumption_sync", CLOSED);
        assertKeptCountsAreRecounts();
        assertListCounts();

        fixture.succeeded("trigger_reconciliation", CLOSED);
        assertThat(count("finalized_at is not null and reconciled_at is not null"))
                .as("the finalisation finalised and reconciled records")
                .isPositive();
        assertKeptCountsAreRecounts();
        assertListCounts();

        fixture.finaliseConsumption(CLOSED, true);
        assertKeptCountsAreRecounts();

        // The hourly run again (each record's upsert finds it and leaves a finalised one alone), then a historical
        // sync with force, which reopens a finalised record through the same upsert.
        fixture.succeeded("trigger_consumption_sync", CLOSED);
        String resource = jdbc.sql(
                        "select r.uuid::text from resources r join consumption_records cr on cr.resource_id = r.id"
                                + " where cr.id = ?")
                .param(ownRecord("min"))
                .query(String.class)
                .single();
        Map<String, Object> forced = fixture.historicalMonth(resource, CLOSED);
        forced.put("force", true);
        api.post("/api/admin/arrow/billing-syncs/sync_resource_historical_consumption/", forced)
                .expect(200);
        assertThat(count("finalized_at is null and resource_id = (select id from resources where uuid = '" + resource
                        + "')"))
                .as("the historical sync reopened the record")
                .isEqualTo(1);
        assertKeptCountsAreRecounts();
        assertListCounts();

        jdbc.sql("update consumption_records set finalized_at = null, reconciled_at = null where id = ?")
                .param(ownRecord("min"))
                .update();
        jdbc.sql("update consumption_records set reconciled_at = null where id = ?")
                .param(ownRecord("max"))
                .update();
        jdbc.sql("delete from consumption_records where id = ?")
                .param(ownRecord("max"))
                .update();
        jdbc.sql("delete from resources where id = (select resource_id from consumption_records where id = ?)")
                .param(ownRecord("max"))
                .update();
        assertKeptCountsAreRecounts();
        assertListCounts();
    }

    @Test
    void aFoldLeavesOneRowForEachMonthAndStateWithTheSameTotals() throws Exception {
        fixture.succeeded("trigger_consumption_sync", CLOSED);
        jdbc.sql("update consumption_records set finalized_at = now() where id = ?")
                .param(ownRecord("min"))
                .update();
        jdbc.sql(
                        "insert into consumption_record_counts values ('1999-01-01', true, false, 3), ('1999-01-01', true, false, -3)")
                .update();

        // Two folds at once, as two runs ending together make: the second skips the rows the first deleted.
        CompletableFuture<Void> other = CompletableFuture.runAsync(records::foldCounts);
        records.foldCounts();
        other.get(30, TimeUnit.SECONDS);

        assertThat(jdbc.sql("""
                        select count(*) from consumption_record_counts
                        group by billing_period, finalized, reconciled having count(*) > 1""").query(Long.class).list())
                .as("one row for each month and state")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from consumption_record_counts where billing_period = '1999-01-01'")
                        .query(Long.class)
                        .single())
                .as("a month and state whose deltas sum to nothing keeps no row")
                .isZero();
        assertKeptCountsAreRecounts();
    }

    /** The first or last ({@code min} or {@code max}) of the records this test's settings recorded. */
    private long ownRecord(String which) {
        return jdbc.sql("select " + which
                        + "(cr.id) from consumption_records cr join arrow_settings s on s.id = cr.settings_id"
                        + " where s.uuid = ?::uuid")
                .param(fixture.settings())
                .query(Long.class)
                .single();
    }

    /** The list's X-Result-Count for filters on the month and state is what counting the records they select gives. */
    private void assertListCounts() {
        LocalDate month = CLOSED.atDay(1);
        assertListCount("", "true");
        assertListCount("billing_period=" + month, "billing_period = '" + month + "'");
        assertListCount("is_finalized=true", "finalized_at is not null");
        assertListCount("is_finalized=false", "finalized_at is null");
        assertListCount("is_reconciled=true", "reconciled_at is not null");
        assertListCount(
                "is_reconciled=false&billing_period_from=" + month + "&billing_period_to=" + CLOSED.atEndOfMonth(),
                "reconciled_at is null and billing_period between '" + month + "' and '" + CLOSED.atEndOfMonth() + "'");
        assertListCount("is_finalized=true&is_reconciled=false", "finalized_at is not null and reconciled_at is null");
        assertListCount("billing_period_to=2000-01-01", "false");
    }

    private void assertListCount(String query, String condition) {
        Recounts.assertListCount(jdbc, api, RECORDS + "?page_size=1&" + query, "consumption_records", condition);
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from consumption_records where " + condition)
                .query(Long.class)
                .single();
    }

    private void assertKeptCountsAreRecounts() {
        List<String> differences = Recounts.differences(jdbc, """
                select billing_period, finalized, reconciled, sum(records) from consumption_record_counts
                group by 1, 2, 3 having sum(records) <> 0""", """
                select billing_period, finalized_at is not null, reconciled_at is not null, count(*)
                from consumption_records group by 1, 2, 3""");

        assertThat(differences)
                .as("kept record counts that differ from a recount")
                .isEmpty();
    }
}
