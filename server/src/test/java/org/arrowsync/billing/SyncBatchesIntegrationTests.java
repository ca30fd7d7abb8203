package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.Customer;
import org.arrowsync.emulator.data.Presets;
import org.arrowsync.emulator.data.ScaleOptions;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A month longer than a write batch ({@link SyncRun#WRITE_BATCH} lines): 12,500 lines in 13 export pages, written in
 * three batches. Every line is billed once, and a re-sync follows Arrow in every batch.
 */
class SyncBatchesIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();
    static final int LINES = 25 * 5 * 100;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture(Emulator.options()
            .withPreset(Presets.SCALE)
            .withScale(ScaleOptions.demo()
                    .withCustomers(25)
                    .withLicensesPerCustomer(5)
                    .withLinesPerLicense(100)));

    @Test
    void aMonthOfSeveralBatchesIsBilledLineForLineAndFollowsArrowInEachBatch() {
        fixture.arrowStillValidates(MONTH);
        String settings = fixture.settings();
        TreeMap<String, String> customers = new TreeMap<>(fixture.mapAllCustomers());
        assertThat(SyncRun.WRITE_BATCH).isLessThan(LINES / 2);

        JsonNode first = fixture.syncedBilling(MONTH);

        assertThat(first.get("result").get("lines_synced").asLong()).isEqualTo(LINES);
        assertThat(jdbc.sql("""
                        select count(distinct t.arrow_line_reference) from billing_sync_items t
                        join billing_syncs b on b.id = t.billing_sync_id where b.report_period = ?""").param(MONTH.toString()).query(Long.class).single())
                .isEqualTo(LINES);
        customers.forEach((arrow, customer) -> assertThat(fixture.arrowCharges(customer, MONTH))
                .as(arrow)
                .isEqualByComparingTo(fixture.exportSell(MONTH, arrow)));
        assertThat(syncsWhoseKeptTotalsAreNotTheirLines()).isEmpty();
        assertThat(vendorsWhoseKeptTotalsAreNotTheirLines(settings)).isEmpty();
        assertThat(changesOfTheLastRun())
                .as("each sync's lines added, none changed or removed")
                .hasSize(syncsOfTheMonth())
                .allMatch(change -> change.endsWith(" 0 0"))
                .extracting(change -> Integer.parseInt(change.split(" ")[0]))
                .satisfies(added -> assertThat(
                                added.stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(LINES));

        List<String> firstLines = fixture.lineReferences(customers.firstKey(), "invoice");
        List<String> lastLines = fixture.lineReferences(customers.lastKey(), "invoice");
        fixture.emulator().removeLine(firstLines.get(0));
        fixture.emulator().changeSell(lastLines.get(lastLines.size() - 1), "4242.00000");
        JsonNode again = fixture.syncedBilling(MONTH);

        assertThat(again.get("result").get("lines_removed").asInt()).isEqualTo(1);
        assertThat(again.get("progress").get("lines_unchanged").asLong()).isEqualTo(LINES - 2);
        customers.forEach((arrow, customer) -> assertThat(fixture.arrowCharges(customer, MONTH))
                .as(arrow)
                .isEqualByComparingTo(fixture.exportSell(MONTH, arrow)));
        assertThat(syncsWhoseKeptTotalsAreNotTheirLines()).isEmpty();
        assertThat(vendorsWhoseKeptTotalsAreNotTheirLines(settings)).isEmpty();
        assertThat(changesOfTheLastRun())
                .as("one sync lost a line, another had one changed")
                .containsExactly("0 0 1", "0 1 0");
    }

    private int syncsOfTheMonth() {
        return jdbc.sql("select count(*) from billing_syncs where report_period = ?")
                .param(MONTH.toString())
                .query(Integer.class)
                .single();
    }

    /** What the last run recorded of each sync it changed: lines added, changed and removed. */
    private List<String> changesOfTheLastRun() {
        return jdbc.sql("""
                        select lines_added || ' ' || lines_changed || ' ' || lines_removed from billing_sync_changes
                        where run_id = (select max(id) from billing_sync_runs) order by 1""").query(String.class).list();
    }

    /**
     * The vendors of the month whose kept totals (lines and Arrow amount, D65) differ from their lines', or none kept.
     */
    private List<String> vendorsWhoseKeptTotalsAreNotTheirLines(String settings) {
        long settingsId = jdbc.sql("select id from arrow_settings where uuid = ?::uuid")
                .param(settings)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select count(*) from billing_vendor_totals where settings_id = ? and report_period = ?")
                        .params(settingsId, MONTH.toString())
                        .query(Integer.class)
                        .single())
                .isPositive();
        return jdbc.sql("""
                        select coalesce(v.vendor_name, x.vendor_name) from (
                            select vendor_name, lines, amount from billing_vendor_totals where settings_id = ? and report_period = ?) v
                        full join (
                            select t.vendor_name, count(*) as lines, sum(round(t.current_price, 2)) as amount
                            from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                            join customer_mappings m on m.id = b.customer_mapping_id
                            where m.settings_id = ? and b.report_period = ? and not t.removed and t.vendor_name <> ''
                            group by t.vendor_name) x on x.vendor_name = v.vendor_name
                        where (v.lines, v.amount) is distinct from (x.lines, x.amount)""")
                .params(settingsId, MONTH.toString(), settingsId, MONTH.toString())
                .query(String.class)
                .list();
    }

    /**
     * The statement references of syncs whose kept totals (those the month's pages show) differ from their lines', each
     * rounded as its invoice bills it (D196; no license of these tests is billed by consumption tracking).
     */
    private List<String> syncsWhoseKeptTotalsAreNotTheirLines() {
        return jdbc.sql("""
                        select b.statement_reference from billing_syncs b left join (
                            select billing_sync_id, count(*) filter (where not removed) as lines,
                                   sum(round(current_price, 2)) filter (where not removed) as arrow_amount,
                                   sum(round(invoiced, 2) + compensated) filter (where billed_via <> 'consumption') as billed,
                                   sum(sell) filter (where not removed) as sell, sum(buy) filter (where not removed) as buy
                            from billing_sync_items group by billing_sync_id) x on x.billing_sync_id = b.id
                        where (b.lines, b.arrow_amount, b.billed, b.sell_total, b.buy_total)
                              is distinct from (coalesce(x.lines, 0), coalesce(x.arrow_amount, 0), coalesce(x.billed, 0),
                                                coalesce(x.sell, 0), coalesce(x.buy, 0))""").query(String.class).list();
    }

    @Test
    void aLineArrowListsAgainInALaterBatchOfANewMonthIsBilledOnceAndReported() {
        // active: the export look-up reads the active settings, as the reference does
        fixture.activeSettings();
        fixture.mapAllCustomers();
        String repeated = api.post(
                        "/api/admin/arrow/billing-syncs/fetch_billing_export/",
                        Map.of("period_from", MONTH.toString(), "period_to", MONTH.toString()))
                .expect(200)
                .json()
                .get("data")
                .get(0)
                .get("Sequence")
                .asString();
        fixture.emulator().repeatLine(repeated);

        JsonNode first = fixture.syncedBilling(MONTH);

        assertThat(first.get("progress").get("duplicate_lines").asInt()).isEqualTo(1);
        assertThat(first.toString()).contains("Line " + repeated + " appears twice in the export");
        assertThat(jdbc.sql("""
                        select count(*) from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        where b.report_period = ?""").param(MONTH.toString()).query(Long.class).single())
                .isEqualTo(LINES);
        assertThat(jdbc.sql("""
                        select count(*) from invoice_items it join billing_sync_items t on t.invoice_item_id = it.id
                        join billing_syncs b on b.id = t.billing_sync_id where b.report_period = ? and t.arrow_line_reference = ?""")
                        .params(MONTH.toString(), repeated)
                        .query(Long.class)
                        .single())
                .as("the repeated line is billed once")
                .isOne();
    }

    /**
     * A re-sync finds the month's lines in memory (D73): a line new to the month that Arrow lists again in a later
     * batch, and a known line listed twice (again in a later batch, or in its own), are each billed once and reported.
     */
    @Test
    void aReSyncBillsANewLineOnceWhenArrowListsItAgainInALaterBatch() {
        fixture.arrowStillValidates(MONTH);
        fixture.activeSettings();
        List<BillingLine> lines = fixture.emulator().exportLines(MONTH);
        // a line of the second batch, whose customer is mapped only after the first sync, so that the line is new then
        BillingLine fresh = lines.get(SyncRun.WRITE_BATCH + SyncRun.WRITE_BATCH / 2);
        BillingLine known = lines.get(0);
        // the month's last line of another customer: Arrow lists it again in the same batch
        BillingLine knownInItsBatch = lines.stream()
                .filter(line -> !line.companyName().equals(fresh.companyName()))
                .reduce((earlier, later) -> later)
                .orElseThrow();
        Map<Boolean, List<Customer>> arrowCustomers = fixture.emulator().client().customers().stream()
                .collect(Collectors.partitioningBy(arrow -> arrow.companyName().equals(fresh.companyName())));
        arrowCustomers.get(false).forEach(arrow -> fixture.mapCustomer(arrow.reference(), arrow.companyName()));
        fixture.syncedBilling(MONTH);
        long freshCustomerLines = lines.stream()
                .filter(line -> line.companyName().equals(fresh.companyName()))
                .count();
        assertThat(freshCustomerLines).isPositive().isLessThan(LINES / 10);
        Customer freshCustomer = arrowCustomers.get(true).get(0);
        fixture.mapCustomer(freshCustomer.reference(), freshCustomer.companyName());
        fixture.emulator().repeatLine(fresh.lineReference());
        fixture.emulator().repeatLine(known.lineReference());
        fixture.emulator().repeatLine(knownInItsBatch.lineReference());

        JsonNode again = fixture.syncedBilling(MONTH);

        assertThat(again.get("progress").get("duplicate_lines").asInt()).isEqualTo(3);
        assertThat(again.toString())
                .contains("Line " + fresh.lineReference() + " appears twice in the export")
                .contains("Line " + known.lineReference() + " appears twice in the export")
                .contains("Line " + knownInItsBatch.lineReference() + " appears twice in the export");
        assertThat(again.get("progress").get("lines_unchanged").asLong()).isEqualTo(LINES - freshCustomerLines);
        assertThat(itemsOfTheMonth()).isEqualTo(LINES);
        assertThat(invoiceItemsOf(fresh.lineReference()))
                .as("the new line is billed once")
                .isOne();
        assertThat(invoiceItemsOf(known.lineReference()))
                .as("the known line is billed once")
                .isOne();
        assertThat(invoiceItemsOf(knownInItsBatch.lineReference()))
                .as("the known line listed twice in one batch is billed once")
                .isOne();
    }

    private long itemsOfTheMonth() {
        return jdbc.sql("""
                        select count(*) from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        where b.report_period = ?""").param(MONTH.toString()).query(Long.class).single();
    }

    private long invoiceItemsOf(String lineReference) {
        return jdbc.sql("""
                        select count(*) from invoice_items it join billing_sync_items t on t.invoice_item_id = it.id
                        join billing_syncs b on b.id = t.billing_sync_id where b.report_period = ? and t.arrow_line_reference = ?""")
                .params(MONTH.toString(), lineReference)
                .query(Long.class)
                .single();
    }

    @Test
    void aLargeMonthIsVacuumedAndAnalyzedSoonAfterItsJobEnds() {
        fixture.settings();
        fixture.mapAllCustomers();
        OffsetDateTime before =
                jdbc.sql("select now()").query(OffsetDateTime.class).single();

        fixture.syncedBilling(MONTH);

        Awaitility.await("billing tables vacuumed and analyzed after the sync")
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        jdbc.sql("""
                                select count(*) from pg_stat_user_tables
                                where relname in ('billing_sync_items', 'invoice_items')
                                  and last_vacuum > ? and last_analyze > ?""").params(before, before).query(Long.class).single() == 2);
    }
}
