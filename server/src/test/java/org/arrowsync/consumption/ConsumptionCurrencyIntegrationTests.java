package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * D9: a license-month billed in one currency is not re-recorded or finalised from amounts Arrow gives in another (a
 * prediction's currency against the report's): nothing is written and the license's error says why.
 */
class ConsumptionCurrencyIntegrationTests extends IntegrationTest {

    private static final String RECORDS = "/api/admin/arrow/consumption-records/";
    private static final String HISTORICAL = "/api/admin/arrow/billing-syncs/sync_resource_historical_consumption/";
    private static final YearMonth CLOSED = TestClock.closedMonth();

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    JdbcClient jdbc;

    @Test
    void consumptionInAnotherCurrencyThanItsItemIsRefusedAndChangesNothing() {
        fixture.trackedResources(1);
        String license = fixture.meteredLicense(CLOSED);
        String resource = fixture.licensedResources().get(license);
        Map<String, Object> month =
                Map.of("resource_uuid", resource, "period_from", CLOSED.toString(), "period_to", CLOSED.toString());
        assertThat(api.post(HISTORICAL, month)
                        .expect(200)
                        .json()
                        .get("periods_synced")
                        .asInt())
                .isEqualTo(1);
        JsonNode record = record(resource);
        String item = record.get("invoice_item_uuid").asString();
        // the month was billed in dollars (its invoice's every item), and Arrow now gives euros
        jdbc.sql("""
                        update invoice_items set currency = 'USD'
                        where invoice_id = (select invoice_id from invoice_items where uuid = ?::uuid)""").param(item).update();
        fixture.emulator().correctSell(license, CLOSED, new BigDecimal("7.00"));

        JsonNode again = api.post(HISTORICAL, month).expect(200).json();
        assertThat(again.get("periods_synced").asInt()).isZero();
        assertThat(again.get("errors").get(0).get("error").asString())
                .contains("license " + license + "'s consumption of " + CLOSED + " in EUR")
                .contains("billed in USD");
        assertThat(record(resource).get("consumed_sell")).isEqualTo(record.get("consumed_sell"));

        String itemsOfItsInvoice = "/api/invoice-items/?invoice_uuid=" + invoiceOf(item);
        String itemsBefore = api.get(itemsOfItsInvoice).expect(200).header("X-Result-Count");
        JsonNode finalisation = fixture.run("trigger_reconciliation", fixture.period(CLOSED));
        assertThat(finalisation.get("errors").toString()).contains(license).contains("billed in USD");
        assertThat(record(resource).get("is_finalized").asBoolean()).isFalse();
        assertThat(api.get(itemsOfItsInvoice).expect(200).header("X-Result-Count"))
                .as("no correction in euros beside the dollar item")
                .isEqualTo(itemsBefore);
    }

    @Test
    void aCorrectionFromAnExportThatNamesNoCurrencyIsBookedInTheCurrencyItsMonthWasBilledIn() {
        JsonNode record = finalisedMonthBilledIn("USD", "7.00");

        assertThat(jdbc.sql("select currency from invoice_items where uuid = ?::uuid")
                        .param(record.get("compensation_item_uuid").asString())
                        .query(String.class)
                        .single())
                .as("the correction of a month billed in dollars, not in the default currency")
                .isEqualTo("USD");
    }

    /**
     * D261: a license-month with no item yet (Arrow reported nothing while it ran), finalised from an export that names
     * no currency, is billed in the settings record's currency, not in euros.
     */
    @Test
    void aMonthWithoutAnItemIsFinalisedInTheSettingsRecordsCurrency() {
        String license = monthWithoutAnItem(
                Map.of("export_type_reference", ExportTemplates.NO_CURRENCY_REFERENCE, "currency", "USD"));
        String resource = fixture.licensedResources().get(license);
        fixture.emulator().correctSell(license, CLOSED, new BigDecimal("7.00"));

        JsonNode finalisation = fixture.run("trigger_reconciliation", fixture.period(CLOSED));

        JsonNode record = record(resource);
        assertThat(record.get("compensation_item_uuid").isNull())
                .as(finalisation.toString())
                .isFalse();
        assertThat(jdbc.sql("select currency from invoice_items where uuid = ?::uuid")
                        .param(record.get("compensation_item_uuid").asString())
                        .query(String.class)
                        .single())
                .isEqualTo("USD");
    }

    /**
     * D261: a license-month with no item yet counts in the margins in the currency it will be billed in, its settings
     * record's, not in euros.
     */
    @Test
    void aMonthWithoutAnItemCountsInTheMarginsInTheSettingsRecordsCurrency() {
        String license = monthWithoutAnItem(Map.of("currency", "JPY"));
        JsonNode record = record(fixture.licensedResources().get(license));

        JsonNode margins = api.get("/api/admin/arrow/reports/margins/?period=" + CLOSED + "&customer_uuid="
                        + record.get("customer_uuid").asString())
                .expect(200)
                .json();
        assertThat(margins.findValuesAsString("currency"))
                .as(margins.toString())
                .containsExactly("JPY");
    }

    /** A yen has no cents: a month billed in yen is not corrected by 0.40, which would be an item of 0 yen (D156). */
    @Test
    void aDifferenceUnderOneMinorUnitOfTheMonthsCurrencyIsNotCorrected() {
        JsonNode record = finalisedMonthBilledIn("JPY", "0.40");

        assertThat(record.get("compensation_item_uuid").isNull())
                .as("0.40 yen is under a yen")
                .isTrue();
    }

    /**
     * The consumption record of a license-month billed in {@code currency} (its invoice's items set to it), once Arrow
     * changed the month's sell by {@code sellChange} in an export that names no currency and the month was finalised.
     */
    private JsonNode finalisedMonthBilledIn(String currency, String sellChange) {
        fixture.trackedResources(1);
        String license = fixture.meteredLicense(CLOSED);
        String resource = fixture.licensedResources().get(license);
        assertThat(api.post(HISTORICAL, fixture.historicalMonth(resource, CLOSED))
                        .expect(200)
                        .json()
                        .get("periods_synced")
                        .asInt())
                .isEqualTo(1);
        String item = record(resource).get("invoice_item_uuid").asString();
        jdbc.sql("""
                        update invoice_items set currency = ?
                        where invoice_id = (select invoice_id from invoice_items where uuid = ?::uuid)""").params(currency, item).update();
        api.patch(
                        "/api/admin/arrow/settings/" + fixture.settings() + "/",
                        Map.of("export_type_reference", ExportTemplates.NO_CURRENCY_REFERENCE))
                .expect(200);
        fixture.emulator().correctSell(license, CLOSED, new BigDecimal(sellChange));

        JsonNode finalisation = fixture.run("trigger_reconciliation", fixture.period(CLOSED));

        JsonNode record = record(resource);
        assertThat(record.get("is_finalized").asBoolean())
                .as(finalisation.toString())
                .isTrue();
        return record;
    }

    /**
     * A metered license's month recorded by consumption tracking whose item is then deleted, as if Arrow had reported
     * nothing while it ran, with the settings changed by {@code settingsChange}; returns the license.
     */
    private String monthWithoutAnItem(Map<String, Object> settingsChange) {
        fixture.trackedResources(1);
        String license = fixture.meteredLicense(CLOSED);
        String resource = fixture.licensedResources().get(license);
        api.post(HISTORICAL, fixture.historicalMonth(resource, CLOSED)).expect(200);
        jdbc.sql("delete from invoice_items where uuid = ?::uuid")
                .param(record(resource).get("invoice_item_uuid").asString())
                .update();
        api.patch("/api/admin/arrow/settings/" + fixture.settings() + "/", settingsChange)
                .expect(200);
        return license;
    }

    private JsonNode record(String resource) {
        return api.get(RECORDS + "?resource_uuid=" + resource + "&billing_period=" + CLOSED.atDay(1))
                .expect(200)
                .json()
                .get(0);
    }

    private String invoiceOf(String item) {
        return jdbc.sql("""
                        select i.uuid from invoices i join invoice_items it on it.invoice_id = i.id
                        where it.uuid = ?::uuid""").param(item).query(UUID.class).single().toString();
    }
}
