package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.contract.Contract;
import org.arrowsync.support.Fixtures;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Historical consumption of one resource over HTTP against the emulator: preview, price source, validation, owning
 * settings (D18).
 */
class ConsumptionHistoricalIntegrationTests extends ConsumptionIntegrationTest {

    private static final YearMonth CLOSED = ConsumptionWorld.CLOSED;
    private static final String HISTORICAL = BASE + "sync_resource_historical_consumption/";

    ConsumptionHistoricalIntegrationTests() {
        super(1);
    }

    @Test
    void historicalSyncPreviewsWithoutWritingAndHonoursThePriceSource() {
        String license = world.meteredLicense(CLOSED);
        String resource = world.resources.get(license);
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

        jdbc.sql("update arrow_settings set invoice_price_source = 'buy' where uuid = ?")
                .param(world.settingsUuid)
                .update();
        try {
            body.put("dry_run", false);
            JsonNode synced = api.post(HISTORICAL, body).expect(200).json();
            assertThat(synced.get("periods_synced").asInt()).isEqualTo(2);
            assertThat(count(resource)).isEqualTo(before + 2);
            JsonNode record = api.get("/api/admin/arrow/consumption-records/?resource_uuid=" + resource
                            + "&billing_period=" + from.atDay(1))
                    .json()
                    .get(0);
            JsonNode item = api.get("/api/invoice-items/"
                            + record.get("invoice_item_uuid").asString() + "/")
                    .expect(200)
                    .json();
            assertThat(new BigDecimal(item.get("unit_price").asString()))
                    .isEqualByComparingTo(
                            new BigDecimal(record.get("consumed_buy").asString()));
        } finally {
            jdbc.sql("update arrow_settings set invoice_price_source = 'sell' where uuid = ?")
                    .param(world.settingsUuid)
                    .update();
        }

        world.control("POST", "faults", "{\"family\":\"consumption\",\"kind\":\"500\",\"count\":20}");
        world.control("DELETE", "stats", null);
        Map<String, Object> failing = Map.of(
                "resource_uuid",
                resource,
                "period_from",
                CLOSED.minusMonths(3).toString(),
                "period_to",
                CLOSED.minusMonths(3).toString());
        JsonNode failed = api.post(HISTORICAL, failing).expect(200).json();
        world.control("DELETE", "faults", null);
        assertThat(failed.get("errors").size()).isEqualTo(1);
        // Two attempts at the monthly call (the test profile's max-attempts) and no third call: no prediction fallback
        // for a past month.
        assertThat(world.control("GET", "stats", null)
                        .path("consumption")
                        .path("requests")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void historicalSyncValidatesItsInput() {
        String resource = world.resources.values().iterator().next();
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

    private long count(String resource) {
        return Long.parseLong(api.get("/api/admin/arrow/consumption-records/?resource_uuid=" + resource)
                .expect(200)
                .header("X-Result-Count"));
    }

    @Test
    void usesTheSettingsThatMapTheResourcesCustomerNotTheActiveOnes() {
        String license = world.meteredLicense(CLOSED);
        YearMonth month = CLOSED.minusMonths(4);
        while (world.client().monthlyConsumption(license, month, month).lines().isEmpty()) {
            month = month.minusMonths(1);
            assertThat(month).as("a metered month of %s", license).isAfter(CLOSED.minusMonths(12));
        }
        UUID other = UUID.randomUUID();
        jdbc.sql("""
                        insert into arrow_settings (uuid, api_url, api_key, export_type_reference, is_active, invoice_price_source, invoice_item_prefix,
                                                    created, modified)
                        select ?, api_url, api_key, export_type_reference, false, 'buy', 'Other Arrow', now(), now()
                        from arrow_settings where uuid = ?""").params(other, world.settingsUuid).update();
        try {
            Fixtures fixtures = new Fixtures(api);
            String customer = fixtures.customer();
            String offering = api.get("/api/marketplace-resources/" + world.resources.get(license) + "/")
                    .expect(200)
                    .json()
                    .get("offering_uuid")
                    .asString();
            String resource = world.resource(fixtures.project(customer), offering, license);
            jdbc.sql("""
                            insert into customer_mappings (uuid, settings_id, arrow_reference, customer_id, created, modified)
                            select ?, (select id from arrow_settings where uuid = ?), ?, id, now(), now() from customers where uuid = ?::uuid""")
                    .params(UUID.randomUUID(), other, "OTHER-" + customer, ConsumptionWorld.dashed(customer))
                    .update();

            Map<String, Object> body =
                    Map.of("resource_uuid", resource, "period_from", month.toString(), "period_to", month.toString());
            JsonNode synced = api.post(HISTORICAL, body).expect(200).json();
            assertThat(synced.get("periods_synced").asInt()).isEqualTo(1);
            JsonNode record = api.get(RECORDS + "?resource_uuid=" + resource)
                    .expect(200)
                    .json()
                    .get(0);
            JsonNode item = api.get("/api/invoice-items/"
                            + record.get("invoice_item_uuid").asString() + "/")
                    .expect(200)
                    .json();
            assertThat(item.get("name").asString()).startsWith("Other Arrow: ");
            assertThat(new BigDecimal(item.get("unit_price").asString()))
                    .isEqualByComparingTo(
                            new BigDecimal(record.get("consumed_buy").asString()));
        } finally {
            jdbc.sql("delete from arrow_settings where uuid = ?").param(other).update();
        }
    }
}
