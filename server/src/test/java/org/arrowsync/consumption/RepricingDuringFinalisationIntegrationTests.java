package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.consumption.LicenseMonthBilling.Totals;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * D251: a finalisation run reads the price rules before its loop over the month's license-months, each of which it
 * finalises under the month's shared lock. A re-pricing the operator confirms meanwhile books its corrections under the
 * month's exclusive lock; a license-month the run finalises after that is priced by the rules as they are then, not
 * corrected back to those the run read. The interleaving is driven by hand: the run's pricing is read, the re-pricing
 * runs, then the run's finaliser reaches the license-month.
 */
class RepricingDuringFinalisationIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();
    static final String CONTOSO = "XSP700001";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LicenseMonthBilling billing;

    @Autowired
    ConsumptionRecordRepository records;

    @Autowired
    SettingsService settingsService;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void aRepricingBookedWhileAFinalisationRunsIsNotUndoneByIt() {
        pricedAnewWhileAFinalisationRuns(
                settings -> fixture.markupRule(CONTOSO, MONTH, "10"), new BigDecimal("1.1"), "buy + 10 %");
    }

    /** The record's price source changed from sell to buy meanwhile: no rule changed, the price did. */
    @Test
    void aPriceSourceChangedAndRepricedWhileAFinalisationRunsIsNotUndoneByIt() {
        pricedAnewWhileAFinalisationRuns(
                settings -> api.patch(
                                "/api/admin/arrow/settings/" + settings + "/", Map.of("invoice_price_source", "buy"))
                        .expect(200),
                BigDecimal.ONE,
                "buy");
    }

    /**
     * The run reads its pricing; the operator makes {@code change} to the record's pricing and confirms the month's
     * re-pricing; then the run's finaliser reaches a license-month of Contoso, which must be at buy × {@code factor}.
     */
    private void pricedAnewWhileAFinalisationRuns(Consumer<String> change, BigDecimal factor, String price) {
        String settings = fixture.settings();
        Map<String, String> customers = fixture.mapAllCustomers();
        fixture.syncedResources(MONTH);
        fixture.succeeded("trigger_consumption_sync", MONTH);
        UUID recordUuid = jdbc.sql("""
                        select cr.uuid from consumption_records cr join arrow_settings s on s.id = cr.settings_id
                        join resources r on r.id = cr.resource_id join projects p on p.id = r.project_id
                        join customers c on c.id = p.customer_id
                        where s.uuid = ?::uuid and c.uuid = ?::uuid and cr.billing_period = ? and cr.invoice_item_id is not null
                        order by cr.id limit 1""")
                .params(settings, customers.get(CONTOSO), MONTH.atDay(1))
                .query(UUID.class)
                .single();

        // the month's finalisation run has read the rules (none yet) and reads Arrow's export ...
        LicenseMonthBilling.Pricing readByTheRun = billing.pricing(settingsService.named(Uuids.fromPath(settings)));

        // ... while the operator changes Contoso's price and confirms the month's re-pricing
        change.accept(settings);
        JsonNode job = fixture.awaitJob(api.post(
                "/api/admin/arrow/price-rules/reprice/",
                Map.of("period", MONTH.toString(), "settings_uuid", settings, "confirm", true)));
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        ConsumptionRecord repriced = records.find(recordUuid).orElseThrow();
        assertThat(repriced.billed("EUR"))
                .as("re-priced: %s of the consumption so far; job %s", price, job)
                .isEqualByComparingTo(Money.rounded(repriced.buy().multiply(factor), "EUR"));

        // the run reaches this license-month
        Totals totals = null;
        for (BillingLine line : fixture.emulator().exportLines(MONTH)) {
            if (repriced.licenseReference().equals(line.licenseReference())) {
                Totals one = Totals.of(
                        line.sellTotal(), line.buyTotal(), Money.currency(line.currency()), LicenseKind.of(line), true);
                totals = totals == null ? one : totals.plus(one);
            }
        }
        assertThat(totals).isNotNull();
        LicenseMonthBilling.Result result = billing.finalise(repriced, totals, readByTheRun, false);

        ConsumptionRecord finalised = records.find(recordUuid).orElseThrow();
        assertThat(finalised.billed("EUR"))
                .as(
                        "finalised (%s) at the final amount's price: buy %s, %s; list is %s",
                        result, totals.buy(), price, totals.sell())
                .isEqualByComparingTo(Money.rounded(totals.buy().multiply(factor), "EUR"));
    }
}
