package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The plans PostgreSQL runs for the sync-item list, the hot list of a large month, on 50,000 lines. */
class BillingListPlanIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BillingSyncItemRepository items;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @BeforeEach
    void month() {
        fixture.settings();
        fixture.mapAllCustomers();
        fixture.syncedBilling(TestClock.closedMonth());
        jdbc.sql("""
                        insert into billing_sync_items (uuid, billing_sync_id, arrow_line_reference, subscription_reference,
                                                        vendor_name, billed_via, created, modified)
                        select gen_random_uuid(), (select max(id) from billing_syncs), 'PLAN-' || n, 'SUB-' || n, 'Plan vendor',
                               'zero', now(), now()
                        from generate_series(1, 50000) n""").update();
        jdbc.sql("analyze billing_sync_items, billing_syncs, billing_sync_item_counts")
                .update();
    }

    @Test
    void aDeepPageWalksThePrimaryKeyAndReadsOnlyItsOwnRowsWhole() {
        List<String> plan = items.listPlan(
                new BillingSyncQueries.ItemFilter(null, null, null, null, null, null, null), new PageRequest(500, 100));
        String text = String.join("\n", plan);

        assertThat(text)
                .as(text)
                .containsPattern("Limit .*actual time=\\S+ rows=100(\\.00)? loops=1")
                .containsPattern(
                        "Scan Backward using billing_sync_items_pkey on billing_sync_items .*rows=50000(\\.00)? loops=1");
        assertThat(text.lines().filter(line -> line.matches(".*actual time=\\S+ rows=\\d{4,}.*")))
                .as("only the page's keys are chosen from all 50,000 lines; the page's 100 are read whole and sorted\n"
                        + text)
                .allMatch(line -> line.contains("Scan Backward using billing_sync_items_pkey"));
    }

    @Test
    void theOtherFiltersAreCountedFromTheKeptCountsWithoutReadingTheItems() {
        for (BillingSyncQueries.ItemFilter filter : List.of(
                filter(null, null, null),
                filter("Plan vendor", null, null),
                new BillingSyncQueries.ItemFilter(
                        null, TestClock.closedMonth().toString(), "vendor", "", null, null, null))) {
            String plan = String.join("\n", items.countPlan(filter));

            assertThat(plan).as(plan).contains("on billing_sync_item_counts").doesNotContain("on billing_sync_items ");
        }
    }

    private static BillingSyncQueries.ItemFilter filter(String vendor, String subscription, String line) {
        return new BillingSyncQueries.ItemFilter(null, null, vendor, null, subscription, line, null);
    }
}
