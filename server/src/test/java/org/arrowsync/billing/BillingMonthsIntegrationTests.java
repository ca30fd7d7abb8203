package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The month-end view of billing: what a sync run changed, what is left unbilled, and the month's figures. */
class BillingMonthsIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BillingMonths months;

    @Autowired
    SettingsService settingsService;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;
    Map<String, String> customers;

    @BeforeEach
    void mapAllCustomers() {
        fixture.arrowStillValidates(MONTH);
        settings = fixture.settings();
        customers = fixture.mapAllCustomers();
    }

    @Test
    void aStatementReferenceArrowGivesTwoMonthsMakesASyncOfEachMonth() {
        YearMonth earlier = MONTH.minusMonths(1);
        fixture.arrowStillValidates(earlier);
        assertThat(fixture.syncBilling(earlier).get("state").asString()).isEqualTo("succeeded");
        String earlierCode = earlier.toString().replace("-", "");
        String code = MONTH.toString().replace("-", "");
        // Arrow names the earlier month's statements as it names this month's
        assertThat(jdbc.sql("update billing_syncs set statement_reference = replace(statement_reference, ?, ?)"
                                + " where report_period = ?")
                        .params(earlierCode, code, earlier.toString())
                        .update())
                .isPositive();
        Map<String, Long> earlierItems = itemsBySync(earlier);

        JsonNode job = fixture.syncBilling(MONTH);

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(itemsBySync(earlier))
                .as("D110: the earlier month keeps its lines")
                .isEqualTo(earlierItems);
        assertThat(itemsBySync(MONTH).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("this month's lines in this month's syncs")
                .isEqualTo(months.summary(chosen(), MONTH).lines())
                .isPositive();
    }

    private Map<String, Long> itemsBySync(YearMonth period) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("""
                        select b.statement_reference, count(i.id) as items from billing_syncs b
                        left join billing_sync_items i on i.billing_sync_id = b.id where b.report_period = ?
                        group by b.id, b.statement_reference""")
                .param(period.toString())
                .query((rs, row) -> counts.merge(rs.getString(1), rs.getLong(2), Long::sum))
                .list();
        return counts;
    }

    @Test
    void theLastRunSaysWhichLinesItAddedChangedAndRemovedAgainstTheRunBefore() {
        sync();
        Settings chosen = chosen();
        BillingMonths.RunChanges first = months.lastChanges(chosen, MONTH).orElseThrow();
        long lines = months.summary(chosen, MONTH).lines();
        assertThat(first.previousRun()).isNull();
        assertThat(first.totals().added()).isEqualTo(lines);
        assertThat(first.totals().changed() + first.totals().removed()).isZero();

        sync();
        BillingMonths.RunChanges unchanged = months.lastChanges(chosen, MONTH).orElseThrow();
        assertThat(unchanged.runId()).isGreaterThan(first.runId());
        assertThat(unchanged.previousRun()).isEqualTo(first.finished());
        assertThat(unchanged.totals().syncs())
                .as("an unchanged month changes nothing")
                .isZero();

        List<String> refs = List.copyOf(customers.keySet());
        String changedLine = lineReferences(refs.get(0)).get(0);
        fixture.emulator().changeSell(changedLine, "999.12345");
        fixture.emulator().removeLine(lineReferences(refs.get(1)).get(0));
        sync();

        BillingMonths.RunChanges changed = months.lastChanges(chosen, MONTH).orElseThrow();
        assertThat(changed.totals().syncs()).isEqualTo(2);
        assertThat(changed.totals().changed()).isEqualTo(1);
        assertThat(changed.totals().removed()).isEqualTo(1);
        assertThat(changed.totals().added()).isZero();
        BillingMonths.SyncChange first0 = changed.syncs().stream()
                .filter(sync -> sync.changed() == 1)
                .findFirst()
                .orElseThrow();
        assertThat(first0.sellAfter().subtract(first0.sellBefore())).isEqualByComparingTo(first0.sellDifference());
        List<BillingMonths.ChangedLine> lines0 = months.changedLines(first0.syncUuid(), changed.runId());
        assertThat(lines0).singleElement().satisfies(line -> {
            assertThat(line.lineReference()).isEqualTo(changedLine);
            assertThat(line.change()).isEqualTo(BillingMonths.LineChange.CHANGED);
            assertThat(line.now()).isEqualByComparingTo("999.12345");
            assertThat(line.before()).isNotEqualByComparingTo(line.now());
        });
    }

    @Test
    void linesOfAnUnmappedCustomerAreCountedWithTheirAmountAndTheMonthAddsUp() {
        String unmapped = customers.keySet().iterator().next();
        jdbc.sql("update customer_mappings set is_active = false where arrow_reference = ? and settings_id ="
                        + " (select id from arrow_settings where uuid = ?::uuid)")
                .params(unmapped, settings)
                .update();
        sync();
        Settings chosen = chosen();
        JsonNode summary = fixture.emulator().summary(MONTH).get("customers");

        List<UnmatchedCustomer> unmatched = months.unmatched(chosen, MONTH);
        assertThat(unmatched).singleElement().satisfies(customer -> {
            assertThat(customer.companyName())
                    .isEqualTo(summary.get(unmapped).get("companyName").asString());
            assertThat(customer.amount())
                    .isEqualByComparingTo(
                            new BigDecimal(summary.get(unmapped).get("sell").asString()));
        });

        MonthSummary month = months.summary(chosen, MONTH);
        BigDecimal mappedTotal = BigDecimal.ZERO;
        BigDecimal mappedAsBilled = BigDecimal.ZERO;
        for (String reference : customers.keySet()) {
            if (!reference.equals(unmapped)) {
                mappedTotal = mappedTotal.add(
                        new BigDecimal(summary.get(reference).get("sell").asString()));
                mappedAsBilled = mappedAsBilled.add(fixture.exportAsBilled(MONTH, reference, BillingLine::sellTotal));
            }
        }
        assertThat(month.arrowTotal())
                .as("each line rounded as its invoice bills it (D196)")
                .isEqualByComparingTo(mappedAsBilled)
                .isCloseTo(mappedTotal, within(new BigDecimal("0.01").multiply(BigDecimal.valueOf(month.lines()))));
        assertThat(month.synced()).isEqualTo(month.syncs()).isPositive();
        assertThat(month.state()).contains(SyncState.SYNCED);
        assertThat(month.unmatchedLines()).isEqualTo(unmatched.get(0).lines());
        assertThat(months.syncs(chosen, MONTH, new PageRequest(1, 2)).items()).hasSize(2);
        assertThat(months.syncs(chosen, MONTH, new PageRequest(1, 2)).total()).isEqualTo(month.syncs());
    }

    private Settings chosen() {
        return settingsService.get(Uuids.fromPath(settings));
    }

    private void sync() {
        fixture.syncedBilling(MONTH);
    }

    private List<String> lineReferences(String customerRef) {
        return jdbc.sql("""
                        select t.arrow_line_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and m.arrow_reference = ? and t.billed_via = 'invoice' and not t.removed order by t.id""").params(settings, customerRef).query(String.class).list();
    }
}
