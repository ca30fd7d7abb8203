package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.contract.Contract;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Historical consumption of one resource over HTTP against the emulator: preview, price source, validation, owning
 * settings (D18).
 */
class ConsumptionHistoricalIntegrationTests extends IntegrationTest {

    private static final String SETTINGS = "/api/admin/arrow/settings/";
    private static final String RECORDS = "/api/admin/arrow/consumption-records/";
    private static final String HISTORICAL = "/api/admin/arrow/billing-syncs/sync_resource_historical_consumption/";
    private static final YearMonth CLOSED = TestClock.closedMonth();

    @RegisterExtension
    static final ArrowFixture fixture = new ArrowFixture();

    @BeforeAll
    static void trackOneCustomer() {
        fixture.trackedResources(1);
    }

    @Test
    void historicalSyncPreviewsWithoutWritingAndHonoursThePriceSource() {
        String license = fixture.meteredLicense(CLOSED);
        String resource = fixture.licensedResources().get(license);
        YearMonth from = CLOSED.minusMonths(2);
        long before = count(resource);
        Map<String, Object> body = new HashMap<>(Map.of(
                "resource_uuid",
                resource,
                "period_from",
                from.toString(),
                "period_to",
                CLOSED.minusMonths(1).toString(),
                "dry_run",
                true));
        Response preview = api.post(HISTORICAL, body).expect(200);
        Contract.assertMatches(preview);
        assertThat(preview.json().get("preview_periods").size()).isEqualTo(2);
        assertThat(preview.json().get("periods_synced").asInt()).isZero();
        assertThat(count(resource)).isEqualTo(before);

        api.patch(SETTINGS + fixture.settings() + "/", Map.of("invoice_price_source", "buy"))
                .expect(200);
        try {
            body.put("dry_run", false);
            JsonNode synced = api.post(HISTORICAL, body).expect(200).json();
            assertThat(synced.get("periods_synced").asInt()).isEqualTo(2);
            assertThat(count(resource)).isEqualTo(before + 2);
            JsonNode record = api.get("/api/admin/arrow/consumption-records/?resource_uuid=" + resource
                            + "&billing_period=" + from.atDay(1))
                    .json()
                    .get(0);
            JsonNode item = invoiceItemOf(record);
            assertThat(new BigDecimal(item.get("unit_price").asString()))
                    .isEqualByComparingTo(
                            new BigDecimal(record.get("consumed_buy").asString()));
        } finally {
            api.patch(SETTINGS + fixture.settings() + "/", Map.of("invoice_price_source", "sell"))
                    .expect(200);
        }

        fixture.emulator().fault("{\"family\":\"consumption\",\"kind\":\"500\",\"count\":20}");
        fixture.emulator().resetStats();
        Map<String, Object> failing = Map.of(
                "resource_uuid",
                resource,
                "period_from",
                CLOSED.minusMonths(3).toString(),
                "period_to",
                CLOSED.minusMonths(3).toString());
        JsonNode failed = api.post(HISTORICAL, failing).expect(200).json();
        fixture.emulator().clearFaults();
        assertThat(failed.get("errors").size()).isEqualTo(1);
        // Two attempts at the monthly call (the test profile's max-attempts) and no third call: no prediction fallback
        // for a past month.
        assertThat(fixture.emulator()
                        .stats()
                        .path("consumption")
                        .path("requests")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void historicalSyncValidatesItsInput() {
        String resource = fixture.licensedResources().values().iterator().next();
        api.post(HISTORICAL, Map.of("resource_uuid", resource, "period_from", "2024-13"))
                .expect(400);
        api.post(HISTORICAL, Map.of("resource_uuid", resource, "period_from", "1999-01"))
                .expect(400);
        api.post(
                        HISTORICAL,
                        Map.of(
                                "resource_uuid",
                                resource,
                                "period_from",
                                CLOSED.minusMonths(30).toString(),
                                "period_to",
                                CLOSED.toString()))
                .expect(400);
        api.post(
                        HISTORICAL,
                        Map.of(
                                "resource_uuid",
                                resource,
                                "period_to",
                                CLOSED.plusMonths(3).toString()))
                .expect(400);
        api.post(HISTORICAL, Map.of()).expect(400);
        assertThat(api.post(
                                HISTORICAL,
                                Map.of("resource_uuid", UUID.randomUUID().toString()))
                        .expect(404)
                        .json()
                        .get("error")
                        .asString())
                .contains("not found");
    }

    private JsonNode invoiceItemOf(JsonNode record) {
        return api.get("/api/invoice-items/" + record.get("invoice_item_uuid").asString() + "/")
                .expect(200)
                .json();
    }

    private long count(String resource) {
        return Long.parseLong(api.get("/api/admin/arrow/consumption-records/?resource_uuid=" + resource)
                .expect(200)
                .header("X-Result-Count"));
    }

    @Test
    void usesTheSettingsThatMapTheResourcesCustomerNotTheActiveOnes() {
        String license = fixture.meteredLicense(CLOSED);
        YearMonth month = CLOSED.minusMonths(4);
        while (fixture.emulator()
                .client()
                .monthlyConsumption(license, month, month)
                .lines()
                .isEmpty()) {
            month = month.minusMonths(1);
            assertThat(month).as("a metered month of %s", license).isAfter(CLOSED.minusMonths(12));
        }
        String other = fixture.otherSettingsOfTheSameAccount(
                Map.of("invoice_price_source", "buy", "invoice_item_prefix", "Other Arrow"));
        try {
            String customer = fixture.customer();
            String offering = api.get("/api/marketplace-resources/"
                            + fixture.licensedResources().get(license) + "/")
                    .expect(200)
                    .json()
                    .get("offering_uuid")
                    .asString();
            String resource = fixture.licensedResource(fixture.project(customer), offering, license);
            api.post(
                            "/api/admin/arrow/customer-mappings/",
                            Map.of(
                                    "settings",
                                    other,
                                    "arrow_reference",
                                    "OTHER-" + customer,
                                    "waldur_customer",
                                    customer))
                    .expect(201);

            Map<String, Object> body =
                    Map.of("resource_uuid", resource, "period_from", month.toString(), "period_to", month.toString());
            JsonNode synced = api.post(HISTORICAL, body).expect(200).json();
            assertThat(synced.get("periods_synced").asInt()).isEqualTo(1);
            JsonNode record = api.get(RECORDS + "?resource_uuid=" + resource)
                    .expect(200)
                    .json()
                    .get(0);
            JsonNode item = invoiceItemOf(record);
            assertThat(item.get("name").asString()).startsWith("Other Arrow: ");
            assertThat(new BigDecimal(item.get("unit_price").asString()))
                    .isEqualByComparingTo(
                            new BigDecimal(record.get("consumed_buy").asString()));
        } finally {
            api.delete(SETTINGS + other + "/").expect(204);
        }
    }
}
