package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The plans PostgreSQL runs for the sync-item list, the hot list of a large month, on 50,000 lines. */
class BillingListPlanIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BillingSyncItemRepository items;

    @Autowired
    TransactionTemplate transactions;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @BeforeEach
    void month() {
        fixture.settings();
        fixture.mapAllCustomers();
        fixture.syncedBilling(TestClock.closedMonth());
        // The space the test classes before this one left in the table is taken back first, so these lines are written
        // in the order of their keys, as a month's sync writes them: PostgreSQL chooses its plan by that order.
        jdbc.sql("vacuum full billing_sync_items").update();
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

    /**
     * D158: a deep page filtered by vendor (a piece of its name) or by classification walks the primary key backwards
     * and tests each line on the vendor and classification the key holds: once the month is vacuumed, not one of the
     * 50,000 lines' rows is visited to choose the page.
     */
    @Test
    void aDeepPageOfAVendorOrAClassificationIsChosenFromThePrimaryKeyAlone() throws InterruptedException {
        for (BillingSyncQueries.ItemFilter filter : List.of(
                filter("PLAN VEND", null, null),
                new BillingSyncQueries.ItemFilter(null, null, null, "", null, null, null))) {
            String plan = vacuumedPlan(() -> items.listPlan(filter, new PageRequest(500, 100)));

            assertThat(plan)
                    .as(plan)
                    .containsPattern(
                            "Index Only Scan Backward using billing_sync_items_pkey on billing_sync_items .*rows=50000(\\.00)? loops=1")
                    .contains("Heap Fetches: 0");
            assertThat(items.list(filter, new PageRequest(500, 100)).items())
                    .hasSize(100)
                    .allSatisfy(item -> assertThat(item.vendorName()).isEqualTo("Plan vendor"));
        }
    }

    @Test
    void theOtherFiltersAreCountedFromTheKeptCountsWithoutReadingTheItems() {
        for (BillingSyncQueries.ItemFilter filter : List.of(
                filter(null, null, null),
                filter("Plan vendor", null, null),
                new BillingSyncQueries.ItemFilter(
                        null, TestClock.closedMonth().toString(), "vendor", "", null, null, null))) {
            String plan = String.join("\n", items.countPlan(filter));

            assertThat(plan)
                    .as("D143: counted from the months' counts\n" + plan)
                    .contains("on billing_month_item_counts")
                    .doesNotContain("billing_sync_item_counts")
                    .doesNotContain("on billing_sync_items ");
        }
        UUID sync = jdbc.sql("select uuid from billing_syncs order by id desc limit 1")
                .query(UUID.class)
                .single();
        String plan = String.join(
                "\n", items.countPlan(new BillingSyncQueries.ItemFilter(sync, null, "vendor", null, null, null, null)));

        assertThat(plan)
                .as("one sync's items, from the syncs' counts\n" + plan)
                .contains("on billing_sync_item_counts")
                .doesNotContain("on billing_sync_items ");
    }

    /**
     * A re-sync asks for each batch's known lines by their references. With the month's statistics gone (a month just
     * written, not analysed yet), PostgreSQL would read every line of the table for each batch; the look-up keeps it on
     * the reference index, and sets sequential scans back as they were for the rest of the sync's transaction. The
     * statistics are deleted in a transaction that is rolled back.
     */
    @Test
    void aBatchOfKnownLinesIsReadThroughTheReferenceIndexEvenBeforeTheMonthIsAnalysed() {
        List<String> references = IntStream.rangeClosed(1, 1_000)
                .mapToObj(n -> "PLAN-" + (n * 50))
                .toList();
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("delete from pg_statistic where starelid = 'billing_sync_items'::regclass")
                    .update();
            String plan = String.join("\n", items.knownPlan(references));

            assertThat(plan)
                    .as(plan)
                    .containsPattern("Index (Only )?Scan (on|using) billing_sync_items_known_idx")
                    .doesNotContain("Seq Scan");
            assertThat(jdbc.sql("show enable_seqscan").query(String.class).single())
                    .isEqualTo("on");
            assertThat(items.known(Set.of(syncId()), references)).hasSize(1_000);
        });
        assertThatThrownBy(() -> items.known(Set.of(syncId()), references))
                .as("outside a transaction, set local would set nothing")
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    /**
     * D83: once a month is vacuumed (as a large run's is, D80), a batch's known lines are read from the reference index
     * alone, which holds every column the look-up returns: not one of the items' rows is visited.
     */
    @Test
    void aVacuumedMonthsKnownLinesAreReadFromTheIndexAlone() {
        jdbc.sql("vacuum billing_sync_items").update();
        List<String> references = IntStream.rangeClosed(1, 1_000)
                .mapToObj(n -> "PLAN-" + (n * 50))
                .toList();

        String plan = transactions.execute(status -> String.join("\n", items.knownPlan(references)));

        assertThat(plan)
                .as(plan)
                .contains("Index Only Scan using billing_sync_items_known_idx")
                .containsPattern("rows=1000(\\.00)? loops=1")
                .contains("Heap Fetches: 0");
    }

    /**
     * D84: a re-sync reads the ids of its month's present lines, to tell those Arrow dropped; once the month is
     * vacuumed they are read from the unique key of a sync's lines alone, which holds each line's id and whether it was
     * removed. Here the month is half the table, as the second month kept makes it, and the rows are as wide as an
     * export's lines make them (names, details, descriptions: some 600 bytes).
     */
    @Test
    void aVacuumedMonthsPresentLinesAreReadFromTheIndexAlone() throws InterruptedException {
        long otherMonth =
                jdbc.sql("select min(id) from billing_syncs").query(Long.class).single();
        jdbc.sql("""
                        insert into billing_sync_items (uuid, billing_sync_id, arrow_line_reference, billed_via, created, modified)
                        select gen_random_uuid(), ?, 'OTHER-' || n, 'zero', now(), now() from generate_series(1, 50000) n""").param(otherMonth).update();
        jdbc.sql(
                        "update billing_sync_items set removed = arrow_line_reference in ('PLAN-7', 'PLAN-8'),"
                                + " description = (select string_agg(md5(arrow_line_reference || k), '') from generate_series(1, 16) k)")
                .update();
        String plan = vacuumedPlan(() -> items.lineIdsPlan(List.of(syncId())));

        long present = jdbc.sql("select count(*) from billing_sync_items where billing_sync_id = ? and not removed")
                .param(syncId())
                .query(Long.class)
                .single();
        assertThat(plan)
                .as(plan)
                .contains("Index Only Scan using billing_sync_items_line_key")
                .containsPattern("rows=" + present + "(\\.00)? loops=1")
                .contains("Heap Fetches: 0");
        assertThat(items.lineIds(List.of(syncId()), null, false).without(new IdSet()))
                .hasSize((int) present);
        assertThat(items.lineIds(List.of(syncId()), null, true).without(new IdSet()))
                .hasSize((int) present + 2);
    }

    /** The reconciliation looks lines up one reference at a time, comparing bytes as the reference's index does. */
    @Test
    void linesReadWholeByTheirReferencesAreFoundThroughTheReferenceIndex() {
        String plan = String.join("\n", items.findPlan(List.of("PLAN-1", "PLAN-2", "PLAN-49999")));

        assertThat(plan)
                .as(plan)
                .containsPattern("Index (Only )?Scan (on|using) billing_sync_items_known_idx")
                .doesNotContain("Seq Scan on billing_sync_items");
    }

    /**
     * A month of thousands of syncs, half the table's lines: with the syncs' ids as its 5,000 keys the planner would
     * read the whole table for its present lines, five times the pages of its unique key.
     */
    @Test
    void thePresentLinesOfThousandsOfSyncsAreReadThroughTheLinesKey() {
        jdbc.sql("""
                        insert into billing_syncs (uuid, customer_mapping_id, statement_reference, report_period, invoice_id, created, modified)
                        select gen_random_uuid(), b.customer_mapping_id, 'MANY-' || n, b.report_period, b.invoice_id, now(), now()
                        from billing_syncs b cross join generate_series(1, 5000) n where b.id = ?""").param(syncId()).update();
        List<Long> many = jdbc.sql("select id from billing_syncs where statement_reference like 'MANY-%'")
                .query(Long.class)
                .list();
        jdbc.sql("""
                        insert into billing_sync_items (uuid, billing_sync_id, arrow_line_reference, billed_via, created, modified)
                        select gen_random_uuid(), b.id, 'MANY-' || b.id || '-' || n, 'zero', now(), now()
                        from billing_syncs b cross join generate_series(1, 20) n where b.statement_reference like 'MANY-%'""").update();
        jdbc.sql("vacuum analyze billing_sync_items, billing_syncs").update();

        String plan = String.join("\n", items.lineIdsPlan(many));

        // the index alone once the vacuum found every page visible to all; a bitmap of the same index when a
        // transaction still open elsewhere (another test's) kept it from saying so: the month's pages either way
        assertThat(plan)
                .as(plan)
                .containsPattern("(Index Only Scan using|Bitmap Index Scan on) billing_sync_items_line_key")
                .doesNotContain("Seq Scan")
                .containsPattern("rows=100000(\\.00)? loops=1");
    }

    /**
     * A plan run after the items are vacuumed. A vacuum marks a page all-visible only once no open transaction (another
     * test's, a job's) may still see its rows as they were: vacuumed again while one was open, the pages it left are
     * marked.
     */
    private String vacuumedPlan(Supplier<List<String>> plan) throws InterruptedException {
        String text = "";
        for (int attempt = 0; attempt < 10 && !text.contains("Heap Fetches: 0"); attempt++) {
            if (attempt > 0) {
                Thread.sleep(500);
            }
            jdbc.sql("vacuum analyze billing_sync_items").update();
            text = String.join("\n", plan.get());
        }
        return text;
    }

    private long syncId() {
        return jdbc.sql("select max(id) from billing_syncs").query(Long.class).single();
    }

    private static BillingSyncQueries.ItemFilter filter(String vendor, String subscription, String line) {
        return new BillingSyncQueries.ItemFilter(null, null, vendor, null, subscription, line, null);
    }
}
