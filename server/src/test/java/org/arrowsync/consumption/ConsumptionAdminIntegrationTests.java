package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.arrowsync.contract.Contract;
import org.arrowsync.support.Fixtures;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Pause/resume, status, statistics, pending records, fetch, historical sync and cleanup over HTTP against the emulator. */
class ConsumptionAdminIntegrationTests extends ConsumptionIntegrationTest {

    private static final YearMonth CLOSED = ConsumptionWorld.CLOSED;


    ConsumptionAdminIntegrationTests() {
        super(1);
    }

    @BeforeAll
    void syncClosedMonth() {
        assertThat(world.run("trigger_consumption_sync", world.period(CLOSED)).get("result").get("synced").asInt()).isEqualTo(4);
    }

    @Test
    void pauseAndResumeSwitchTheGlobalFlagAndTheSettings() {
        String settings = world.settingsUuid.toString().replace("-", "");
        Response paused = api.post(BASE + "pause_sync/", Map.of("pause_global", true, "settings_uuid", settings)).expect(200);
        Contract.assertMatches(paused);
        assertThat(paused.json().get("paused").toString()).contains("global").contains(settings);
        JsonNode status = api.get(BASE + "consumption_status/").expect(200).json();
        assertThat(status.get("global_sync_enabled").asBoolean()).isFalse();
        assertThat(status.get("settings_sync_enabled").asBoolean()).isFalse();
        assertThat(status.get("settings_uuid").asString()).isEqualTo(settings);
        assertThat(status.get("last_sync_run").isNull()).isFalse();
        Contract.assertMatches(api.get(BASE + "consumption_status/").expect(200));

        Response resumed = api.post(BASE + "resume_sync/", Map.of()).expect(200);
        assertThat(resumed.json().get("resumed").toString()).contains(settings).doesNotContain("global");
        assertThat(api.get(BASE + "consumption_status/").json().get("settings_sync_enabled").asBoolean()).isTrue();

        Response unknown = api.post(BASE + "resume_sync/", Map.of("pause_global", true, "settings_uuid", java.util.UUID.randomUUID().toString()));
        assertThat(unknown.expect(404).json().get("error").asString()).startsWith("Settings not found");
        assertThat(api.get(BASE + "consumption_status/").json().get("global_sync_enabled").asBoolean()).isFalse();
        api.post(BASE + "pause_sync/", Map.of("settings_uuid", "nope")).expect(400);
        api.post(BASE + "resume_sync/", Map.of("pause_global", true)).expect(200);
        assertThat(api.get(BASE + "consumption_status/").json().get("global_sync_enabled").asBoolean()).isTrue();
        api.as(new Fixtures(api).userToken()).post(BASE + "pause_sync/", Map.of("pause_global", true)).expect(403);
    }

    @Test
    void statisticsAggregateAllRecordsByMonth() {
        Response response = api.get(BASE + "consumption_statistics/").expect(200);
        Contract.assertMatches(response);
        JsonNode statistics = response.json();
        assertThat(statistics.get("total_records").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(statistics.get("total_records").asLong())
                .isEqualTo(statistics.get("pending_records").asLong() + statistics.get("finalized_records").asLong());
        assertThat(statistics.get("total_consumed_sell").asString()).matches("-?\\d+\\.\\d{2}");
        assertThat(statistics.get("period_breakdown").toString()).contains("\"" + CLOSED + "\"");
        assertThat(statistics.get("period_breakdown").size()).isLessThanOrEqualTo(12);
    }

    @Test
    void pendingRecordsHonourFiltersAndPagination() {
        String settings = world.settingsUuid.toString();
        Response page = api.get(BASE + "pending_records/?settings_uuid=" + settings + "&report_period=" + CLOSED + "&page_size=3").expect(200);
        Contract.assertMatches(page);
        assertThat(page.header("X-Result-Count")).isEqualTo("4");
        assertThat(page.json().size()).isEqualTo(3);
        assertThat(page.header("Link")).contains("page=2");
        assertThat(api.get(BASE + "pending_records/?settings_uuid=" + settings + "&report_period_from=" + CLOSED.plusMonths(1)).expect(200)
                .header("X-Result-Count")).isEqualTo("0");
        api.get(BASE + "pending_records/?report_period=2024-13").expect(400);
        api.get(BASE + "pending_records/?state=abc").expect(400);
        api.get(BASE + "pending_records/?settings_uuid=xyz").expect(400);
    }

    @Test
    void fetchConsumptionReturnsArrowRows() {
        String license = world.meteredLicense(CLOSED);
        Response response = api.post(BASE + "fetch_consumption/", Map.of("license_reference", license, "period", CLOSED.toString())).expect(200);
        Contract.assertMatches(response);
        assertThat(response.json().get("row_count").asInt()).isPositive();
        assertThat(response.json().get("data").get(0).has("Total sell price")).isTrue();
        api.post(BASE + "fetch_consumption/", Map.of("license_reference", license, "period", "2024-13")).expect(400);
        api.post(BASE + "fetch_consumption/", Map.of("period", CLOSED.toString())).expect(400);
        assertThat(api.post(BASE + "fetch_consumption/", Map.of("license_reference", "XSP-NONE", "period", CLOSED.toString())).expect(400)
                .json().has("error")).isTrue();
    }

    @Test
    void historicalSyncPreviewsWithoutWritingAndHonoursThePriceSource() {
        String license = world.meteredLicense(CLOSED);
        String resource = world.resources.get(license);
        YearMonth from = CLOSED.minusMonths(2);
        long before = count(resource);
        Map<String, Object> body = new HashMap<>(Map.of("resource_uuid", resource, "period_from", from.toString(), "period_to",
                CLOSED.minusMonths(1).toString(), "dry_run", true));
        Response preview = api.post(BASE + "sync_resource_historical_consumption/", body).expect(200);
        Contract.assertMatches(preview);
        assertThat(preview.json().get("preview_periods").size()).isEqualTo(2);
        assertThat(preview.json().get("periods_synced").asInt()).isZero();
        assertThat(count(resource)).isEqualTo(before);

        jdbc.sql("update arrow_settings set invoice_price_source = 'buy' where uuid = ?").param(world.settingsUuid).update();
        try {
            body.put("dry_run", false);
            JsonNode synced = api.post(BASE + "sync_resource_historical_consumption/", body).expect(200).json();
            assertThat(synced.get("periods_synced").asInt()).isEqualTo(2);
            assertThat(count(resource)).isEqualTo(before + 2);
            JsonNode record = api.get("/api/admin/arrow/consumption-records/?resource_uuid=" + resource + "&billing_period=" + from.atDay(1))
                    .json().get(0);
            JsonNode item = api.get("/api/invoice-items/" + record.get("invoice_item_uuid").asString() + "/").expect(200).json();
            assertThat(new java.math.BigDecimal(item.get("unit_price").asString()))
                    .isEqualByComparingTo(new java.math.BigDecimal(record.get("consumed_buy").asString()));
        } finally {
            jdbc.sql("update arrow_settings set invoice_price_source = 'sell' where uuid = ?").param(world.settingsUuid).update();
        }

        world.control("POST", "faults", "{\"family\":\"consumption\",\"kind\":\"500\",\"count\":20}");
        world.control("DELETE", "stats", null);
        Map<String, Object> failing = Map.of("resource_uuid", resource, "period_from", CLOSED.minusMonths(3).toString(), "period_to",
                CLOSED.minusMonths(3).toString());
        JsonNode failed = api.post(BASE + "sync_resource_historical_consumption/", failing).expect(200).json();
        world.control("DELETE", "faults", null);
        assertThat(failed.get("errors").size()).isEqualTo(1);
        assertThat(world.control("GET", "stats", null).toString()).doesNotContain("prediction");
    }

    @Test
    void historicalSyncValidatesItsInput() {
        String resource = world.resources.values().iterator().next();
        api.post(BASE + "sync_resource_historical_consumption/", Map.of("resource_uuid", resource, "period_from", "2024-13")).expect(400);
        api.post(BASE + "sync_resource_historical_consumption/", Map.of("resource_uuid", resource, "period_from", "1999-01")).expect(400);
        api.post(BASE + "sync_resource_historical_consumption/", Map.of("resource_uuid", resource, "period_from",
                CLOSED.minusMonths(30).toString(), "period_to", CLOSED.toString())).expect(400);
        api.post(BASE + "sync_resource_historical_consumption/", Map.of("resource_uuid", resource, "period_to",
                CLOSED.plusMonths(3).toString())).expect(400);
        api.post(BASE + "sync_resource_historical_consumption/", Map.of()).expect(400);
        assertThat(api.post(BASE + "sync_resource_historical_consumption/", Map.of("resource_uuid", java.util.UUID.randomUUID().toString()))
                .expect(404).json().get("error").asString()).contains("not found");
    }

    @Test
    void cleanupIsADryRunByDefaultAndRemovesOpenProvisionalItemsWhenReal() {
        api.post(BASE + "cleanup_consumption/", Map.of("period_from", "2024-1x")).expect(400);
        api.post(BASE + "cleanup_consumption/", Map.of("only_finalized", true, "only_unfinalized", true)).expect(400);
        String license = world.resources.keySet().stream().filter(l -> count(world.resources.get(l)) > 0).reduce((a, b) -> b).orElseThrow();
        String resource = world.resources.get(license);
        Map<String, Object> body = new HashMap<>(Map.of("resource_uuid", resource, "period_from", CLOSED.toString(), "period_to",
                CLOSED.toString()));
        Response dryRun = api.post(BASE + "cleanup_consumption/", body).expect(200);
        Contract.assertMatches(dryRun);
        assertThat(dryRun.json().get("dry_run").asBoolean()).isTrue();
        assertThat(dryRun.json().get("records_to_delete").asInt()).isEqualTo(1);
        assertThat(dryRun.json().get("records_deleted").asInt()).isZero();
        JsonNode record = api.get("/api/admin/arrow/consumption-records/?resource_uuid=" + resource + "&billing_period=" + CLOSED.atDay(1))
                .json().get(0);

        body.put("dry_run", false);
        JsonNode deleted = api.post(BASE + "cleanup_consumption/", body).expect(200).json();
        assertThat(deleted.get("records_deleted").asInt()).isEqualTo(1);
        assertThat(deleted.get("invoice_items_affected").asInt()).isEqualTo(1);
        api.get("/api/admin/arrow/consumption-records/" + record.get("uuid").asString() + "/").expect(404);
        api.get("/api/invoice-items/" + record.get("invoice_item_uuid").asString() + "/").expect(404);
    }

    @Test
    void aMonthThatDropsToZeroIsUpdatedToZero() {
        String license = world.resources.keySet().stream()
                .filter(l -> world.client().monthlyConsumption(l, CLOSED, CLOSED).lines().isEmpty()).findFirst().orElseThrow();
        String resource = world.resources.get(license);
        jdbc.sql("""
                        insert into consumption_records (uuid, resource_id, license_reference, billing_period, consumed_sell, consumed_buy,
                                                         created, modified)
                        select gen_random_uuid(), id, ?, ?, 5, 4, now(), now() from resources where uuid = ?::uuid""")
                .params(license, java.sql.Date.valueOf(CLOSED.atDay(1)), ConsumptionWorld.dashed(resource)).update();
        Map<String, Object> body = world.period(CLOSED);
        body.put("resource_uuid", resource);
        assertThat(world.run("trigger_consumption_sync", body).get("result").get("no_data").asInt()).isEqualTo(1);
        JsonNode record = api.get(RECORDS + "?resource_uuid=" + resource + "&billing_period=" + CLOSED.atDay(1)).expect(200).json().get(0);
        assertThat(record.get("consumed_sell").asString()).isEqualTo("0.0000000000");
        assertThat(record.get("consumed_buy").asString()).isEqualTo("0.0000000000");
    }

    private long count(String resource) {
        return Long.parseLong(api.get("/api/admin/arrow/consumption-records/?resource_uuid=" + resource).expect(200).header("X-Result-Count"));
    }
}
