package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * D144: the sync-item list's substring filters on references find through each sync's indexed references what reading
 * every item finds, before a sync's new items are indexed, after, and while a transaction still adds items.
 */
class SyncReferenceIndexIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SyncReferenceIndex references;

    @Autowired
    BillingSyncItemRepository items;

    @Autowired
    DataSource dataSource;

    @Autowired
    @Qualifier("billingMaintenance")
    RecurringTask<Void> maintenanceSchedule;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    private long sync;

    @BeforeEach
    void month() {
        fixture.settings();
        fixture.mapAllCustomers();
        fixture.syncedBilling(TestClock.closedMonth());
        sync = jdbc.sql("select max(billing_sync_id) from billing_sync_items")
                .query(Long.class)
                .single();
    }

    @Test
    void aSyncedMonthIsIndexedAndItsSearchesFindWhatReadingEveryItemFinds() {
        assertThat(unbuilt()).as("the run indexed its syncs' references").isZero();
        String[] item = jdbc.sql("""
                        select subscription_reference, arrow_line_reference from billing_sync_items
                        where subscription_reference <> '' order by id desc limit 1""")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        String subscriptionPiece = item[0].substring(1, item[0].length() - 1).toLowerCase();
        String linePiece = item[1].substring(2).toUpperCase();

        assertFound(
                "subscription_reference",
                subscriptionPiece,
                "t.subscription_reference ilike '%" + subscriptionPiece + "%'");
        assertFound("arrow_line_reference", linePiece, "t.arrow_line_reference ilike '%" + linePiece + "%'");
        assertFound("arrow_line_reference", item[1], "t.arrow_line_reference = '" + item[1] + "'");
        assertFound("subscription_reference", "no such reference", "false");
        assertFound("arrow_line_reference", "%", "t.arrow_line_reference like '%\\%%'");
    }

    @Test
    void itemsAddedAreFoundBeforeTheirSyncIsIndexedAgainAndAfter() {
        addItems("ADDED-", 3, "SUB-ADDED");

        assertThat(text(sync)).as("the sync's text waits for a build").isNull();
        assertFound("arrow_line_reference", "dded-2", "t.arrow_line_reference = 'ADDED-2'");
        assertFound("subscription_reference", "sub-add", "t.subscription_reference = 'SUB-ADDED'");

        references.buildPending();

        assertThat(text(sync)).contains("ADDED-1", "ADDED-2", "ADDED-3");
        assertThat(unbuilt()).isZero();
        assertFound("arrow_line_reference", "dded-2", "t.arrow_line_reference = 'ADDED-2'");
        assertFound("subscription_reference", "sub-add", "t.subscription_reference = 'SUB-ADDED'");
    }

    /**
     * A server that stopped between a run's commit and its maintenance left a sync's text unbuilt and its month's count
     * deltas unfolded: the housekeeping schedule's task builds and folds them.
     */
    @Test
    void theHousekeepingScheduleDoesTheMaintenanceAStoppedServerLeft() {
        addItems("LEFT-A-", 2, "SUB-LEFT");
        addItems("LEFT-B-", 1, "SUB-LEFT");
        assertThat(text(sync)).isNull();
        assertThat(monthCountRows()).as("a delta row per statement").isGreaterThanOrEqualTo(2);

        maintenanceSchedule.execute(new TaskInstance<>(maintenanceSchedule.getName(), "recurring"), null);

        assertThat(text(sync)).contains("LEFT-A-1", "LEFT-A-2", "LEFT-B-1");
        assertThat(unbuilt()).isZero();
        assertThat(monthCountRows()).as("folded into one").isEqualTo(1);
        assertThat(jdbc.sql("select items from billing_month_item_counts where vendor_name = 'Index vendor'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    /**
     * A build beside a transaction adding items to an indexed sync, and to one whose text already waits, leaves both
     * syncs for a build after that transaction commits: none of its items is ever missing from a sync's text.
     */
    @Test
    void aBuildLeavesTheSyncsATransactionStillAddsItemsTo() throws SQLException {
        long waiting =
                jdbc.sql("""
                        select min(t.billing_sync_id) from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.billing_sync_id <> ?""").params(fixture.settings(), sync).query(Long.class).single();
        addItems("EARLIER-", 1, "SUB-EARLIER", waiting);
        assertThat(text(waiting)).isNull();

        try (Connection run = dataSource.getConnection()) {
            run.setAutoCommit(false);
            try (Statement statement = run.createStatement()) {
                statement.executeUpdate(insertItems("RACE-", 2, "SUB-RACE", sync));
                statement.executeUpdate(insertItems("RACE-WAITING-", 2, "SUB-RACE", waiting));
            }

            references.buildPending();
            run.commit();
        }

        assertThat(text(sync)).isNull();
        assertThat(text(waiting)).isNull();
        assertFound("arrow_line_reference", "race-", "t.arrow_line_reference like 'RACE-%'");

        references.buildPending();

        assertThat(text(sync)).contains("RACE-1", "RACE-2");
        assertThat(text(waiting)).contains("EARLIER-1", "RACE-WAITING-1", "RACE-WAITING-2");
        assertFound("arrow_line_reference", "race-", "t.arrow_line_reference like 'RACE-%'");
    }

    /**
     * On 2,000 syncs of 25 lines, a search for a piece of one line's references picks its sync from their references
     * and reads that sync's lines, not the 50,000, for its count and for its page. (At this size PostgreSQL reads the
     * references' 2,000 rows whole; at a million lines it reads their index, as {@code bench/api-lists} shows.)
     */
    @Test
    void aSearchReadsOnlyTheItemsOfTheSyncsWhoseReferencesHaveThePiece() {
        jdbc.sql("""
                        insert into billing_syncs (uuid, customer_mapping_id, statement_reference, report_period, created, modified)
                        select gen_random_uuid(), (select customer_mapping_id from billing_syncs where id = ?), 'PLAN-' || n,
                               '2020-01', now(), now()
                        from generate_series(1, 2000) n""").param(sync).update();
        jdbc.sql("""
                        insert into billing_sync_items (uuid, billing_sync_id, arrow_line_reference, subscription_reference,
                                                        vendor_name, billed_via, created, modified)
                        select gen_random_uuid(), b.id, b.statement_reference || '-LINE-' || n,
                               b.statement_reference || '-SUB-' || n % 5, 'Plan vendor', 'zero', now(), now()
                        from billing_syncs b cross join generate_series(1, 25) n where b.report_period = '2020-01'""").update();
        references.buildPending();
        jdbc.sql("analyze billing_syncs, billing_sync_items, billing_sync_references")
                .update();

        for (BillingSyncQueries.ItemFilter filter : List.of(
                new BillingSyncQueries.ItemFilter(null, null, null, null, "lan-1234-sub-", null, null),
                new BillingSyncQueries.ItemFilter(null, null, null, null, null, "PLAN-1234-LINE-2", null))) {
            String plans = String.join("\n", items.countPlan(filter)) + "\n"
                    + String.join("\n", items.listPlan(filter, new PageRequest(1, 100)));

            assertThat(plans)
                    .as(plans)
                    .contains(" on billing_sync_references r")
                    .doesNotContain("Seq Scan on billing_sync_items");
            assertThat(itemRowsRemoved(plans)).as(plans).allMatch(removed -> removed < 100);
        }
        assertFound("subscription_reference", "lan-1234-sub-", "t.subscription_reference like 'PLAN-1234-SUB-%'");
        assertFound("arrow_line_reference", "PLAN-1234-LINE-2", "t.arrow_line_reference like 'PLAN-1234-LINE-2%'");
    }

    /**
     * The other order: a build holds a sync's row (its first statement) when a transaction adds items to that sync. The
     * transaction waits for the build to commit, then sets the text it wrote null.
     */
    @Test
    void itemsAddedWhileABuildHoldsTheirSyncLeaveItsTextToBuildAgain() throws Exception {
        addItems("EARLIER-", 1, "SUB-EARLIER");
        try (Connection build = dataSource.getConnection()) {
            build.setAutoCommit(false);
            try (Statement statement = build.createStatement()) {
                statement.executeQuery("select billing_sync_id from billing_sync_references where billing_sync_id = "
                        + sync + " and line_references is null for update");
            }
            CompletableFuture<Void> adding = CompletableFuture.runAsync(() -> addItems("WAITED-", 2, "SUB-WAITED"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql("""
                                    select count(*) from pg_stat_activity
                                    where wait_event_type = 'Lock' and query like '%WAITED-%'""").query(Long.class).single() == 1);
            try (Statement statement = build.createStatement()) {
                statement.executeUpdate("update billing_sync_references set subscription_references = 'SUB-EARLIER',"
                        + " line_references = 'EARLIER-1' where billing_sync_id = " + sync);
            }
            build.commit();
            adding.get(30, TimeUnit.SECONDS);
        }

        assertThat(text(sync)).isNull();
        assertFound("arrow_line_reference", "waited-", "t.arrow_line_reference like 'WAITED-%'");
    }

    @Test
    void anItemKeepsItsReferences() {
        assertThatThrownBy(() -> jdbc.sql("update billing_sync_items set subscription_reference = 'Other' where id ="
                                + " (select max(id) from billing_sync_items)")
                        .update())
                .hasMessageContaining("cannot change its references");
        assertThatThrownBy(() -> jdbc.sql("update billing_sync_items set arrow_line_reference = 'Other' where id ="
                                + " (select max(id) from billing_sync_items)")
                        .update())
                .hasMessageContaining("cannot change its references");
    }

    /** The rows each node reading {@code billing_sync_items} read and left out, as EXPLAIN ANALYZE reports them. */
    private static List<Long> itemRowsRemoved(String plans) {
        List<Long> removed = new ArrayList<>();
        boolean onItems = false;
        for (String line : plans.lines().toList()) {
            if (line.contains("Scan") && line.contains("actual time")) {
                onItems = line.contains(" on billing_sync_items ");
            } else if (onItems && line.trim().startsWith("Rows Removed by Filter:")) {
                removed.add(Long.parseLong(line.substring(line.indexOf(':') + 1).trim()));
            }
        }
        return removed;
    }

    private void addItems(String linePrefix, int count, String subscription) {
        addItems(linePrefix, count, subscription, sync);
    }

    private void addItems(String linePrefix, int count, String subscription, long syncId) {
        jdbc.sql(insertItems(linePrefix, count, subscription, syncId)).update();
    }

    private static String insertItems(String linePrefix, int count, String subscription, long syncId) {
        return """
                insert into billing_sync_items (uuid, billing_sync_id, arrow_line_reference, subscription_reference,
                                                vendor_name, classification, billed_via, created, modified)
                select gen_random_uuid(), %d, '%s' || n, '%s', 'Index vendor', 'SAAS', 'zero', now(), now()
                from generate_series(1, %d) n""".formatted(syncId, linePrefix, subscription, count);
    }

    private String text(long syncId) {
        return jdbc.sql("select line_references from billing_sync_references where billing_sync_id = ?")
                .param(syncId)
                .query((rs, row) -> rs.getString(1))
                .list()
                .get(0);
    }

    private long monthCountRows() {
        return jdbc.sql("select count(*) from billing_month_item_counts where vendor_name = 'Index vendor'")
                .query(Long.class)
                .single();
    }

    private long unbuilt() {
        return jdbc.sql("select count(*) from billing_sync_references where line_references is null")
                .query(Long.class)
                .single();
    }

    /** The list filtered by a piece of a reference counts and shows the items the condition selects. */
    private void assertFound(String filter, String piece, String condition) {
        List<String> expected = jdbc.sql(
                        "select replace(t.uuid::text, '-', '') from billing_sync_items t where " + condition)
                .query(String.class)
                .list();
        Response page = api.get("/api/admin/arrow/billing-sync-items/?page_size=100&" + filter + "="
                        + URLEncoder.encode(piece, StandardCharsets.UTF_8))
                .expect(200);

        assertThat(page.header("X-Result-Count")).as(filter + "=" + piece).isEqualTo(Integer.toString(expected.size()));
        assertThat(page.texts("uuid")).as(filter + "=" + piece).containsExactlyInAnyOrderElementsOf(expected);
    }
}
