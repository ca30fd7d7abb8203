package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Recounts;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The item lists' X-Result-Count read from the counts kept per sync, vendor and classification and per invoice (D65):
 * always what counting the items gives, after items are added and deleted.
 */
class ItemListCountsIntegrationTests extends IntegrationTest {

    private static final YearMonth PERIOD = TestClock.closedMonth();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BillingSyncItemRepository items;

    @Autowired
    DataSource dataSource;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @BeforeEach
    void month() {
        fixture.settings();
        fixture.mapAllCustomers();
        fixture.syncedBilling(PERIOD);
    }

    @Test
    void theKeptCountsAreTheItemsCounted() {
        assertKeptCountsAreRecounts();

        jdbc.sql("delete from invoice_items where id in (select id from invoice_items order by id desc limit 3)")
                .update();
        jdbc.sql(
                        "delete from billing_sync_items where id in (select id from billing_sync_items order by id desc limit 3)")
                .update();

        assertKeptCountsAreRecounts();
    }

    /**
     * D143: a sync deleted takes its items out of its month's counts, though the items go by cascade once the sync's
     * row is gone; and folding a month's deltas, as table maintenance does after a large run, leaves one row for each
     * vendor and classification with the same totals.
     */
    @Test
    void theMonthsCountsFollowADeletedSyncAndFoldIntoARowEach() {
        jdbc.sql("""
                        insert into billing_sync_items (uuid, billing_sync_id, arrow_line_reference, vendor_name,
                                                        classification, billed_via, created, modified)
                        select gen_random_uuid(), (select max(id) from billing_syncs), 'FOLD-' || n, 'Fold vendor', 'SAAS',
                               'zero', now(), now()
                        from generate_series(1, 5) n""").update();
        jdbc.sql("delete from billing_sync_items where arrow_line_reference = 'FOLD-5'")
                .update();
        long deltas = Recounts.rows(jdbc, "billing_month_item_counts");

        items.foldMonthCounts();

        assertThat(Recounts.rows(jdbc, "billing_month_item_counts")).isLessThan(deltas);
        assertThat(jdbc.sql("""
                        select count(*) from billing_month_item_counts
                        group by report_period, vendor_name, classification having count(*) > 1""").query(Long.class).list())
                .as("one row for each month, vendor and classification")
                .isEmpty();
        assertKeptCountsAreRecounts();

        jdbc.sql("delete from billing_syncs where id = (select max(billing_sync_id) from billing_sync_items)")
                .update();

        assertKeptCountsAreRecounts();
    }

    /**
     * A fold takes the deltas committed when it starts and leaves those of a transaction still writing: once that one
     * commits, its items are counted too.
     */
    @Test
    void aFoldLeavesTheDeltasOfARunStillWritingToCountOnceItCommits() throws SQLException {
        try (Connection run = dataSource.getConnection()) {
            run.setAutoCommit(false);
            try (Statement statement = run.createStatement()) {
                statement.executeUpdate("""
                        insert into billing_sync_items (uuid, billing_sync_id, arrow_line_reference, vendor_name,
                                                        classification, billed_via, created, modified)
                        select gen_random_uuid(), (select max(id) from billing_syncs), 'RACE-' || n, 'Race vendor', 'SAAS',
                               'zero', now(), now()
                        from generate_series(1, 4) n""");
            }

            items.foldMonthCounts();
            run.commit();
        }

        assertKeptCountsAreRecounts();
        assertThat(jdbc.sql("select sum(items) from billing_month_item_counts where vendor_name = 'Race vendor'")
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    /** D143: the month counts hold only while a sync keeps its month and an item its vendor and classification. */
    @Test
    void aSyncKeepsItsMonthAndAnItemItsVendorAndClassification() {
        assertThatThrownBy(
                        () -> jdbc.sql("update billing_syncs set report_period = '1999-01' where id = (select max(id)"
                                        + " from billing_syncs)")
                                .update())
                .hasMessageContaining("cannot change its month");
        assertThatThrownBy(
                        () -> jdbc.sql("update billing_sync_items set vendor_name = 'Other' where id = (select max(id)"
                                        + " from billing_sync_items)")
                                .update())
                .hasMessageContaining("cannot change its vendor or classification");
        assertThatThrownBy(() -> jdbc.sql("update billing_sync_items set classification = 'Other' where id = (select"
                                + " max(id) from billing_sync_items)")
                        .update())
                .hasMessageContaining("cannot change its vendor or classification");
        assertKeptCountsAreRecounts();
    }

    /** D104: the counts hold only while an item stays in its sync, which the sync's run relies on for dropped lines. */
    @Test
    void anItemCannotMoveToAnotherSync() {
        long other = jdbc.sql("select max(billing_sync_id) from billing_sync_items")
                .query(Long.class)
                .single();

        assertThatThrownBy(() -> jdbc.sql(
                                "update billing_sync_items set billing_sync_id = ? where id = (select min(id) from billing_sync_items where billing_sync_id <> ?)")
                        .params(other, other)
                        .update())
                .hasMessageContaining("cannot move to another sync");
        assertKeptCountsAreRecounts();
    }

    @Test
    void theSyncItemListCountsWhatItsFiltersSelect() {
        String[] item = newestItemWithAVendor();
        String vendorPart = pieceOf(item[1]);

        assertCount("/api/admin/arrow/billing-sync-items/?page_size=1", "true");
        assertCount("/api/admin/arrow/billing-sync-items/?billing_sync_uuid=" + item[0], "b.uuid = '" + item[0] + "'");
        assertCount(
                "/api/admin/arrow/billing-sync-items/?report_period=" + PERIOD, "b.report_period = '" + PERIOD + "'");
        assertCount(
                "/api/admin/arrow/billing-sync-items/?vendor_name=" + vendorPart,
                "t.vendor_name ilike '%" + vendorPart + "%'");
        assertCount(
                "/api/admin/arrow/billing-sync-items/?classification=" + item[2] + "&report_period=" + PERIOD,
                "t.classification = '" + item[2] + "' and b.report_period = '" + PERIOD + "'");
        assertCount("/api/admin/arrow/billing-sync-items/?vendor_name=no-such-vendor", "false");
        assertCount(
                "/api/admin/arrow/billing-sync-items/?report_period=" + PERIOD.getYear() + "-" + PERIOD.getMonthValue(),
                "b.report_period = '" + PERIOD + "'");
        for (String month : List.of("xx", "2026-13", "1999-01")) {
            assertThat(api.get("/api/admin/arrow/billing-sync-items/?report_period=" + month)
                            .expect(400)
                            .json()
                            .has("report_period"))
                    .as("a month as the sync list reads it (%s)", month)
                    .isTrue();
        }
    }

    /**
     * D158: a piece of a vendor's name is looked for among the vendors the months' counts hold, and the items of those
     * that hold it are listed, newest first, whether the counts are deltas or folded, and with the other filters.
     */
    @Test
    void theSyncItemListShowsTheItemsItsVendorFilterSelects() {
        String[] item = newestItemWithAVendor();
        String piece = pieceOf(item[1]);
        jdbc.sql("""
                        insert into billing_sync_items (uuid, billing_sync_id, arrow_line_reference, vendor_name,
                                                        classification, billed_via, created, modified)
                        select gen_random_uuid(), (select max(id) from billing_syncs), 'PIECE-' || n, 'Piece_of 100%',
                               'PAAS', 'zero', now(), now()
                        from generate_series(1, 3) n""").update();
        String vendor = "?vendor_name=" + URLEncoder.encode(piece, StandardCharsets.UTF_8);

        for (boolean folded : List.of(false, true)) {
            if (folded) {
                items.foldMonthCounts();
            }
            assertListed(vendor, "t.vendor_name ilike '%" + piece + "%'");
            assertListed(
                    vendor + "&classification=" + item[2],
                    "t.vendor_name ilike '%" + piece + "%' and t.classification = '" + item[2] + "'");
            assertListed(
                    vendor + "&billing_sync_uuid=" + item[0],
                    "t.vendor_name ilike '%" + piece + "%' and b.uuid = '" + item[0] + "'");
            assertListed("?vendor_name=E_OF%20100%25", "t.vendor_name = 'Piece_of 100%'");
            assertListed("?vendor_name=I_C", "false");
        }
    }

    @Test
    void theInvoiceItemListCountsWhatItsFiltersSelect() {
        String[] invoice = jdbc.sql("""
                        select i.uuid::text, c.uuid::text from invoices i join customers c on c.id = i.customer_id
                        where i.items > 0 order by i.id desc limit 1""")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();

        assertInvoiceItemCount("/api/invoice-items/", "true");
        assertInvoiceItemCount("/api/invoice-items/?invoice_uuid=" + invoice[0], "i.uuid = '" + invoice[0] + "'");
        assertInvoiceItemCount("/api/invoice-items/?customer_uuid=" + invoice[1], "c.uuid = '" + invoice[1] + "'");
        assertInvoiceItemCount(
                "/api/invoice-items/?year=" + PERIOD.getYear() + "&month=" + PERIOD.getMonthValue(),
                "i.year = " + PERIOD.getYear() + " and i.month = " + PERIOD.getMonthValue());
    }

    private void assertKeptCountsAreRecounts() {
        List<String> syncDifferences = Recounts.differences(jdbc, """
                select billing_sync_id, vendor_name, classification, items from billing_sync_item_counts where items <> 0""", """
                select billing_sync_id, vendor_name, classification, count(*) from billing_sync_items group by 1, 2, 3""");
        List<Long> invoiceDifferences = jdbc.sql("""
                        select i.id from invoices i
                        where i.items <> (select count(*) from invoice_items it where it.invoice_id = i.id)""").query(Long.class).list();

        List<String> monthDifferences = Recounts.differences(jdbc, """
                select report_period, vendor_name, classification, sum(items) from billing_month_item_counts
                group by 1, 2, 3 having sum(items) <> 0""", """
                select b.report_period, t.vendor_name, t.classification, count(*)
                from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id group by 1, 2, 3""");

        assertThat(syncDifferences)
                .as("kept sync item counts that differ from a recount")
                .isEmpty();
        assertThat(monthDifferences)
                .as("kept month item counts that differ from a recount")
                .isEmpty();
        assertThat(invoiceDifferences)
                .as("invoices whose kept item count differs")
                .isEmpty();
    }

    private void assertCount(String url, String condition) {
        Recounts.assertListCount(
                jdbc, api, url, "billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id", condition);
    }

    private void assertInvoiceItemCount(String url, String condition) {
        Recounts.assertListCount(jdbc, api, url, Recounts.INVOICE_ITEMS, condition);
    }

    /** The sync uuid, vendor and classification of the newest item with a vendor. */
    private String[] newestItemWithAVendor() {
        return jdbc.sql("""
                        select b.uuid::text, t.vendor_name, t.classification from billing_sync_items t
                        join billing_syncs b on b.id = t.billing_sync_id where t.vendor_name <> '' order by t.id desc limit 1""")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
    }

    /** A vendor's name less its first and last letters, in upper case: a piece the filter must find in any case. */
    private static String pieceOf(String vendor) {
        return vendor.substring(1, vendor.length() - 1).toUpperCase(Locale.ROOT);
    }

    /**
     * The sync-item list's page of up to 100 is the items the condition selects, newest first, and its X-Result-Count
     * their number.
     */
    private void assertListed(String query, String condition) {
        List<String> selected = jdbc.sql(
                        "select replace(t.uuid::text, '-', '') from billing_sync_items t join billing_syncs b"
                                + " on b.id = t.billing_sync_id where " + condition + " order by t.id desc")
                .query(String.class)
                .list();
        assertThat(selected).as("a page holds them").hasSizeLessThanOrEqualTo(100);
        Response page = api.get("/api/admin/arrow/billing-sync-items/" + query + "&page_size=100")
                .expect(200);
        assertThat(page.header("X-Result-Count")).as(query).isEqualTo(Integer.toString(selected.size()));
        assertThat(page.json()
                        .valueStream()
                        .map(listed -> listed.get("uuid").asString())
                        .toList())
                .as(query)
                .isEqualTo(selected);
    }
}
