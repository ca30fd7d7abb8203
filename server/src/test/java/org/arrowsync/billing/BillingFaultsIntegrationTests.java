package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.arrowsync.emulator.data.Presets;
import org.arrowsync.emulator.data.ScaleOptions;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Arrow failing in the middle of a three-page export: the run either completes after retries or fails with its message
 * on the syncs, and the month stays exactly as the last good run left it (never half-written).
 */
class BillingFaultsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    /** Three export pages: 12 customers x 5 licenses x 40 lines. */
    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture(Emulator.options()
            .withPreset(Presets.SCALE)
            .withScale(ScaleOptions.demo()
                    .withCustomers(12)
                    .withLicensesPerCustomer(5)
                    .withLinesPerLicense(40)));

    String settings;

    @BeforeEach
    void syncTheMonth() {
        fixture.arrowStillValidates(TestClock.closedMonth());
        settings = fixture.settings();
        fixture.mapAllCustomers();
        assertThat(sync().get("state").asString()).isEqualTo("succeeded");
        assertThat(fixture.emulator().stats().get("exports").get("requests").asInt())
                .isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "502", "503", "malformed_json", "error_body_200", "429"})
    void aFaultOnTheSecondPageLeavesNoHalfWrittenMonth(String kind) throws Exception {
        String ledgerBefore = ledger();
        String line = jdbc.sql("""
                        select t.arrow_line_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.billed_via = 'invoice' order by t.id desc limit 1""").param(settings).query(String.class).single();
        fixture.emulator().changeSell(line, "4242.00000");
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"latency\",\"latencyMs\":1200,\"count\":1}");

        Response accepted = trigger();
        Thread.sleep(500);
        fixture.emulator()
                .fault("{\"family\":\"exports\",\"kind\":\"" + kind + "\",\"count\":" + ("429".equals(kind) ? 1 : 20)
                        + ",\"retryAfter\":0}");
        JsonNode job = fixture.awaitJob(accepted);
        fixture.emulator().clearFaults();

        if ("429".equals(kind)) {
            assertThat(job.get("state").asString())
                    .as("a 429 within the retry budget is absorbed")
                    .isEqualTo("succeeded");
            assertThat(ledger()).isNotEqualTo(ledgerBefore);
            return;
        }
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("failed");
        assertThat(job.get("error_message").asString())
                .isNotBlank()
                .doesNotContain(fixture.emulator().apiKey());
        assertThat(ledger()).as("the month is as the last good run left it").isEqualTo(ledgerBefore);
        List<String> messages =
                jdbc.sql("""
                        select distinct b.error_message from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid""").param(settings).query(String.class).list();
        assertThat(messages).hasSize(1).allMatch(message -> !message.isBlank());

        assertThat(sync().get("state").asString()).isEqualTo("succeeded");
        assertThat(jdbc.sql("""
                        select count(*) from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid and b.error_message <> ''""").param(settings).query(Long.class).single())
                .as("the next good run clears the message")
                .isZero();
        assertThat(lineAmount(line)).isEqualByComparingTo("4242");
    }

    @Test
    void rowsMissingFromShortPagesAreNotTakenAsRemoved() {
        String ledgerBefore = ledger();
        JsonNode job = syncWhileExportsFail("\"kind\":\"short_page\",\"count\":20");
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("lines_removed").asInt()).isZero();
        assertThat(job.get("errors").toString()).contains("short page 1 of 3", "no line was removed");
        assertThat(ledger()).as("D26: every line billed before is still billed").isEqualTo(ledgerBefore);
        assertThat(jdbc.sql("""
                        select b.error_message from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid""").param(settings).query(String.class).list())
                .as("each sync says its export was incomplete")
                .isNotEmpty()
                .allMatch(message -> message.contains("export was incomplete") && message.contains("short page"));
    }

    /**
     * D182: Arrow removes a line of an earlier page while the export is read, so a row of each later page moves onto a
     * page already read; those pages agree with their own pagination, but count one line less than page 1 did.
     */
    @Test
    void rowsAnExportChangedWhileReadMayHaveSkippedAreNotTakenAsRemoved() {
        String ledgerBefore = ledger();
        JsonNode job = syncWhileExportsFail("\"kind\":\"shifted_page\",\"count\":20");
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("lines_removed").asInt()).isZero();
        assertThat(job.get("errors").toString()).contains("changed while it was read", "no line was removed");
        assertThat(ledger()).as("every line billed before is still billed").isEqualTo(ledgerBefore);
    }

    /**
     * D243: the export's sort has ties that each page's query orders otherwise, so each page from the second begins
     * with the last row of the page before, and two lines are never read, every count as it was. The sync removes no
     * line, and a forced reconciliation credits none: both say rows are missing.
     */
    @Test
    void linesAnExportReadInAnotherOrderSkippedAreNotTakenAsRemoved() {
        String ledgerBefore = ledger();
        JsonNode job = syncWhileExportsFail("\"kind\":\"tied_rows\",\"count\":20");
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("lines_removed").asInt())
                .as(job.toString())
                .isZero();
        assertThat(job.get("errors").toString()).contains("in another order from one page to the next");
        assertThat(ledger()).as("every line billed before is still billed").isEqualTo(ledgerBefore);

        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"tied_rows\",\"count\":20}");
        JsonNode reconciled;
        try {
            reconciled = fixture.reconcileBilling(TestClock.closedMonth(), true);
        } finally {
            fixture.emulator().clearFaults();
        }
        assertThat(reconciled.get("state").asString()).as(reconciled.toString()).isEqualTo("failed");
        assertThat(reconciled.get("error_message").asString()).contains("in another order from one page to the next");
        assertThat(ledger()).as("no line credited").isEqualTo(ledgerBefore);
    }

    /**
     * A page answered with the rows of the page before (a cache ahead of Arrow mixing pages up) agrees with its
     * pagination, but stands where other rows should be: the sync fails saying so, and removes nothing.
     */
    @Test
    void aPageAnsweredInAnothersPlaceRemovesNoLine() {
        String ledgerBefore = ledger();
        JsonNode job = syncWhileExportsFail("\"kind\":\"page_before\",\"probability\":1");
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("failed");
        assertThat(job.get("error_message").asString()).contains("answered page 3 with the rows of page 2");
        assertThat(ledger()).as("every line billed before is still billed").isEqualTo(ledgerBefore);
        assertThat(sync().get("state").asString()).isEqualTo("succeeded");
        assertThat(ledger()).isEqualTo(ledgerBefore);
    }

    /** A sync while the emulator plays an export fault ({@code fault}: its rule's fields but the family), then none. */
    private JsonNode syncWhileExportsFail(String fault) {
        fixture.emulator().fault("{\"family\":\"exports\"," + fault + "}");
        try {
            return sync();
        } finally {
            fixture.emulator().clearFaults();
        }
    }

    private JsonNode sync() {
        return fixture.awaitJob(trigger());
    }

    private Response trigger() {
        return api.post("/api/admin/arrow/billing-syncs/trigger_sync/", fixture.period(TestClock.closedMonth()));
    }

    private BigDecimal lineAmount(String line) {
        return jdbc.sql("""
                        select it.unit_price * it.quantity from billing_sync_items t join invoice_items it on it.id = t.invoice_item_id
                        join billing_syncs b on b.id = t.billing_sync_id join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid and t.arrow_line_reference = ?""").params(settings, line).query(BigDecimal.class).single();
    }

    /** Every line of the month with what it bills: equal strings mean an unchanged ledger. */
    private String ledger() {
        return jdbc.sql("""
                        select count(*) || ':' || coalesce(sum(it.unit_price * it.quantity), 0) || ':' || coalesce(sum(t.current_price), 0)
                        from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        left join invoice_items it on it.id = t.invoice_item_id where s.uuid = ?::uuid""").param(settings).query(String.class).single();
    }
}
