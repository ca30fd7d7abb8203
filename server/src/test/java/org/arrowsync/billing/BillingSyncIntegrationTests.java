package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arrowsync.contract.Contract;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class BillingSyncIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void syncsAMonthIntoInvoicesMatchingArrowToTheCent() {
        String settings = fixture.settings();
        Map<String, String> customers = fixture.mapAllCustomers();

        JsonNode job = fixture.syncBilling(MONTH);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");

        JsonNode summary = fixture.emulator().summary(MONTH).get("customers");
        for (Map.Entry<String, String> customer : customers.entrySet()) {
            BigDecimal expected =
                    new BigDecimal(summary.get(customer.getKey()).get("sell").asString());
            assertThat(arrowAmount(customer.getValue(), MONTH))
                    .as("customer %s", customer.getKey())
                    .isEqualByComparingTo(expected);
        }

        Response syncs = api.get(
                        "/api/admin/arrow/billing-syncs/?settings_uuid=" + settings + "&report_period=" + MONTH)
                .expect(200);
        assertThat(syncs.header("X-Result-Count"))
                .as("one per customer and statement, a statement per vendor program")
                .isEqualTo("10");
        Contract.assertMatches(syncs);
        JsonNode first = syncs.json().get(0);
        assertThat(first.get("state").asInt())
                .as("D68: Arrow validated the month, so the sync validated it as it ended")
                .isEqualTo(3);
        assertThat(first.get("arrow_state").asString()).isEqualTo("validated");
        assertThat(first.get("items").size()).isGreaterThan(0);
        Contract.assertMatches(
                api.get("/api/admin/arrow/billing-syncs/" + first.get("uuid").asString() + "/")
                        .expect(200));
        Response items = api.get("/api/admin/arrow/billing-sync-items/?billing_sync_uuid="
                        + first.get("uuid").asString())
                .expect(200);
        Contract.assertMatches(items);
    }

    /**
     * D294: a mapped customer Arrow lists no line of in the month gets no invoice of the month from its sync (it would
     * be closed and issued at 0.00); each customer with lines gets one.
     */
    @Test
    void aSyncOpensInvoicesOnlyForCustomersWithLinesInTheMonth() {
        fixture.settings();
        Map<String, String> customers = fixture.mapAllCustomers();
        String idle = fixture.mapCustomer("XSP999999", "Idle Arrow Customer");

        JsonNode job = fixture.syncBilling(MONTH);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");

        assertThat(invoicesOfTheMonth(idle))
                .as("a mapped customer without a line of the month")
                .isZero();
        customers.forEach((reference, customer) -> assertThat(invoicesOfTheMonth(customer))
                .as("customer %s", reference)
                .isOne());
    }

    private long invoicesOfTheMonth(String customer) {
        return api.get("/api/invoices/?customer_uuid=" + customer + "&year=" + MONTH.getYear() + "&month="
                        + MONTH.getMonthValue())
                .expect(200)
                .json()
                .size();
    }

    @Test
    void triggeringTheSameMonthThreeTimesLeavesTheSameLedger() {
        String settings = fixture.settings();
        Map<String, String> customers = fixture.mapAllCustomers();
        String customer = customers.values().iterator().next();
        String customerRef = customers.keySet().iterator().next();
        long lines = fixture.emulator()
                .summary(MONTH)
                .get("customers")
                .get(customerRef)
                .get("lines")
                .asLong();
        String before = null;
        for (int run = 0; run < 3; run++) {
            JsonNode job = fixture.syncBilling(MONTH);
            assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
            String ledger = ledger(customer);
            assertThat(ledger).isNotNull();
            assertThat(itemIds(customer))
                    .as("one item per line with a non-zero amount, same items every run")
                    .hasSizeLessThanOrEqualTo((int) lines)
                    .isNotEmpty();
            if (before != null) {
                assertThat(ledger).isEqualTo(before);
            }
            before = ledger;
        }
    }

    @Test
    void anUnchangedResyncWritesNoRowAndAChangedLineIsUpdatedAlone() {
        fixture.arrowStillValidates(MONTH);
        fixture.settings();
        Map<String, String> customers = fixture.mapAllCustomers();
        fixture.syncedBilling(MONTH);
        Map<String, String> synced = rowVersions();
        long changesAfterFirstSync = jdbc.sql("select count(*) from billing_sync_changes")
                .query(Long.class)
                .single();

        JsonNode unchanged = fixture.syncedBilling(MONTH);
        assertThat(rowVersions())
                .as("no sync, sync item or invoice item written")
                .isEqualTo(synced);
        assertThat(jdbc.sql("select count(*) from billing_sync_changes")
                        .query(Long.class)
                        .single())
                .as("no change recorded")
                .isEqualTo(changesAfterFirstSync);
        long lines = unchanged.get("progress").get("lines_synced").asLong();
        assertThat(unchanged.get("progress").get("lines_unchanged").asLong())
                .as("every line told unchanged by its content hash")
                .isEqualTo(lines)
                .isPositive();

        Map<String, Object> first =
                jdbc.sql("""
                        select t.id, t.arrow_line_reference, t.invoice_item_id, t.billing_sync_id from billing_sync_items t
                        join billing_syncs b on b.id = t.billing_sync_id join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.billed_via = 'invoice' order by t.id limit 1""").param(fixture.settings()).query().singleRow();
        long changedItem = ((Number) first.get("id")).longValue();
        String changed = (String) first.get("arrow_line_reference");
        fixture.emulator().changeSell(changed, "999.12345");
        JsonNode oneChanged = fixture.syncedBilling(MONTH);
        assertThat(oneChanged.get("progress").get("lines_unchanged").asLong()).isEqualTo(lines - 1);
        Map<String, String> resynced = rowVersions();
        long invoiceItem = ((Number) first.get("invoice_item_id")).longValue();
        long sync = ((Number) first.get("billing_sync_id")).longValue();
        assertThat(resynced.keySet()).isEqualTo(synced.keySet());
        assertThat(resynced.keySet().stream().filter(row -> !resynced.get(row).equals(synced.get(row))))
                .as("the changed line's sync item, invoice item and sync (its totals), nothing else")
                .containsExactlyInAnyOrder("line " + changedItem, "item " + invoiceItem, "sync " + sync);
        assertThat(jdbc.sql("select current_price from billing_sync_items where id = ?")
                        .param(changedItem)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("999.12345");
        JsonNode summary = fixture.emulator().summary(MONTH).get("customers");
        customers.forEach((reference, customer) -> assertThat(arrowAmount(customer, MONTH))
                .as("customer %s", reference)
                .isEqualByComparingTo(summary.get(reference).get("sell").asString()));
    }

    @Test
    void billedMappingsAndSettingsAreDeactivatedNotDeleted() {
        String settings = fixture.settings();
        String billed = fixture.mapAllCustomers().keySet().iterator().next();
        fixture.syncBilling(MONTH);
        String mapping = fixture.mapping(billed);
        assertThat(api.delete("/api/admin/arrow/customer-mappings/" + mapping + "/")
                        .expect(409)
                        .text("error"))
                .contains("deactivate");
        assertThat(api.delete("/api/admin/arrow/settings/" + settings + "/")
                        .expect(409)
                        .text("error"))
                .contains("deactivate");
        api.get("/api/admin/arrow/customer-mappings/" + mapping + "/").expect(200);
    }

    @Test
    void badTriggersAreRefusedBeforeAnythingIsQueued() {
        String settings = fixture.settings();
        assertThat(api.post("/api/admin/arrow/billing-syncs/trigger_sync/", Map.of("year", 1999, "month", 10))
                        .expect(400)
                        .json()
                        .has("year"))
                .isTrue();
        api.post(
                        "/api/admin/arrow/billing-syncs/trigger_sync/",
                        Map.of("year", MONTH.getYear(), "month", 13, "settings_uuid", settings))
                .expect(400);
        YearMonth next = TestClock.currentMonth().plusMonths(1);
        api.post(
                        "/api/admin/arrow/billing-syncs/trigger_sync/",
                        Map.of("year", next.getYear(), "month", next.getMonthValue(), "settings_uuid", settings))
                .expect(400);
        api.post(
                        "/api/admin/arrow/billing-syncs/trigger_sync/",
                        Map.of("year", MONTH.getYear(), "settings_uuid", settings))
                .expect(400);
        Map<String, Object> unknownSettings = fixture.period(MONTH, "nope");
        api.post("/api/admin/arrow/billing-syncs/trigger_sync/", unknownSettings)
                .expect(400);
        Map<String, Object> unknownResource = fixture.period(MONTH);
        unknownResource.put("resource_uuid", "0".repeat(32));
        api.post("/api/admin/arrow/billing-syncs/trigger_sync/", unknownResource)
                .expect(404);
    }

    /** The Arrow-sourced amounts (unit price × quantity, unrounded) of a customer's invoice for the period. */
    private BigDecimal arrowAmount(String customer, YearMonth period) {
        return jdbc.sql("""
                        select coalesce(sum(it.unit_price * it.quantity), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customers c on c.id = i.customer_id
                        where c.uuid = ?::uuid and it.details ->> 'report_period' = ? and it.details ->> 'source' like 'arrow%'""")
                .params(customer, period.toString())
                .query(BigDecimal.class)
                .single();
    }

    /** Every sync, sync item (by line) and invoice item with its row version: a row written since has another. */
    private Map<String, String> rowVersions() {
        Map<String, String> versions = new HashMap<>();
        jdbc.sql("""
                        select 'line ' || id, xmin::text from billing_sync_items
                        union all select 'item ' || id, xmin::text from invoice_items
                        union all select 'sync ' || id, xmin::text from billing_syncs""").query(rs -> {
            versions.put(rs.getString(1), rs.getString(2));
        });
        return versions;
    }

    private List<Long> itemIds(String customer) {
        return jdbc.sql("""
                        select it.id from invoice_items it join invoices i on i.id = it.invoice_id join customers c on c.id = i.customer_id
                        where c.uuid = ?::uuid order by it.id""").param(customer).query(Long.class).list();
    }

    private String ledger(String customer) {
        // ids included: a run that deleted and re-created the items would not leave the same ledger
        return jdbc.sql("""
                        select string_agg(it.id || ':' || it.name || '=' || it.unit_price || 'x' || it.quantity, ';' order by it.id)
                        from invoice_items it join invoices i on i.id = it.invoice_id join customers c on c.id = i.customer_id where c.uuid = ?::uuid""").param(customer).query(String.class).single();
    }
}
