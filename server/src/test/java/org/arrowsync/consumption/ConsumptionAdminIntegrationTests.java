package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.YearMonth;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Pause/resume, status, statistics, pending records and fetch over HTTP against the emulator. */
class ConsumptionAdminIntegrationTests extends IntegrationTest {

    private static final String BASE = "/api/admin/arrow/billing-syncs/";
    private static final String RECORDS = "/api/admin/arrow/consumption-records/";
    private static final YearMonth CLOSED = TestClock.closedMonth();

    @RegisterExtension
    static final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void syncClosedMonth() {
        fixture.trackedResources(1);
        assertThat(fixture.syncConsumption(CLOSED).get("result").get("synced").asInt())
                .isEqualTo(4);
    }

    @Test
    void pauseAndResumeSwitchTheGlobalFlagAndTheSettings() {
        String settings = fixture.settings();
        Response paused = api.post(BASE + "pause_sync/", Map.of("pause_global", true, "settings_uuid", settings))
                .expect(200);
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
        assertThat(api.get(BASE + "consumption_status/")
                        .json()
                        .get("settings_sync_enabled")
                        .asBoolean())
                .isTrue();

        Response unknown = api.post(
                BASE + "resume_sync/",
                Map.of("pause_global", true, "settings_uuid", UUID.randomUUID().toString()));
        assertThat(unknown.expect(404).json().get("error").asString()).startsWith("Settings not found");
        assertThat(api.get(BASE + "consumption_status/")
                        .json()
                        .get("global_sync_enabled")
                        .asBoolean())
                .isFalse();
        api.post(BASE + "pause_sync/", Map.of("settings_uuid", "nope")).expect(400);
        api.post(BASE + "resume_sync/", Map.of("pause_global", true)).expect(200);
        assertThat(api.get(BASE + "consumption_status/")
                        .json()
                        .get("global_sync_enabled")
                        .asBoolean())
                .isTrue();
        api.as(fixture.userToken())
                .post(BASE + "pause_sync/", Map.of("pause_global", true))
                .expect(403);
    }

    @Test
    void statisticsAggregateAllRecordsByMonth() {
        Response response = api.get(BASE + "consumption_statistics/").expect(200);
        Contract.assertMatches(response);
        JsonNode statistics = response.json();
        assertThat(statistics.get("total_records").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(statistics.get("total_records").asLong())
                .isEqualTo(statistics.get("pending_records").asLong()
                        + statistics.get("finalized_records").asLong());
        assertThat(statistics.get("total_consumed_sell").asString()).matches("-?\\d+\\.\\d{2}");
        assertThat(statistics.get("period_breakdown").toString()).contains("\"" + CLOSED + "\"");
        assertThat(statistics.get("period_breakdown").size()).isLessThanOrEqualTo(12);
    }

    @Test
    void pendingRecordsHonourFiltersAndPagination() {
        String settings = fixture.settings();
        Response page = api.get(BASE + "pending_records/?settings_uuid=" + settings + "&report_period=" + CLOSED
                        + "&page_size=3")
                .expect(200);
        Contract.assertMatches(page);
        assertThat(page.header("X-Result-Count")).isEqualTo("4");
        assertThat(page.json().size()).isEqualTo(3);
        assertThat(page.header("Link")).contains("page=2");
        assertThat(api.get(BASE + "pending_records/?settings_uuid=" + settings + "&report_period_from="
                                + CLOSED.plusMonths(1))
                        .expect(200)
                        .header("X-Result-Count"))
                .isEqualTo("0");
        Response unpaged = api.get(BASE + "pending_records/?settings_uuid=" + settings + "&report_period=" + CLOSED)
                .expect(200);
        assertThat(unpaged.json().size()).isEqualTo(4);
        assertThat(unpaged.header("Link"))
                .as("D304: up to 100 records where the request names no page size, as the reference answers")
                .contains("page_size=100");
        api.get(BASE + "pending_records/?report_period=2024-13").expect(400);
        api.get(BASE + "pending_records/?state=abc").expect(400);
        api.get(BASE + "pending_records/?settings_uuid=xyz").expect(400);
    }

    @Test
    void fetchConsumptionReturnsArrowRows() {
        String license = fixture.meteredLicense(CLOSED);
        Response response = api.post(
                        BASE + "fetch_consumption/", Map.of("license_reference", license, "period", CLOSED.toString()))
                .expect(200);
        Contract.assertMatches(response);
        assertThat(response.json().get("row_count").asInt()).isPositive();
        assertThat(response.json().get("data").get(0).has("Total sell price")).isTrue();
        assertThat(api.post(
                                BASE + "fetch_consumption/",
                                Map.of("license_reference", "  " + license + " ", "period", CLOSED.toString()))
                        .expect(200)
                        .json())
                .as("a reference trimmed, as DRF trims a field")
                .isEqualTo(response.json());
        api.post(BASE + "fetch_consumption/", Map.of("license_reference", license, "period", "2024-13"))
                .expect(400);
        api.post(BASE + "fetch_consumption/", Map.of("period", CLOSED.toString()))
                .expect(400);
        assertThat(api.post(
                                BASE + "fetch_consumption/",
                                Map.of("license_reference", "XSP-NONE", "period", CLOSED.toString()))
                        .expect(400)
                        .json()
                        .has("error"))
                .isTrue();
    }

    @Test
    void aMonthThatDropsToZeroIsUpdatedToZero() {
        String license = fixture.licensedResources().keySet().stream()
                .filter(l -> fixture.emulator()
                        .client()
                        .monthlyConsumption(l, CLOSED, CLOSED)
                        .lines()
                        .isEmpty())
                .findFirst()
                .orElseThrow();
        String resource = fixture.licensedResources().get(license);
        jdbc.sql("""
                        insert into consumption_records (uuid, resource_id, license_reference, billing_period, consumed_sell, consumed_buy,
                                                         created, modified)
                        select gen_random_uuid(), id, ?, ?, 5, 4, now(), now() from resources where uuid = ?::uuid""").params(license, Date.valueOf(CLOSED.atDay(1)), resource).update();
        Map<String, Object> body = fixture.period(CLOSED);
        body.put("resource_uuid", resource);
        assertThat(fixture.run("trigger_consumption_sync", body)
                        .get("result")
                        .get("no_data")
                        .asInt())
                .isEqualTo(1);
        JsonNode record = api.get(RECORDS + "?resource_uuid=" + resource + "&billing_period=" + CLOSED.atDay(1))
                .expect(200)
                .json()
                .get(0);
        assertThat(record.get("consumed_sell").asString()).isEqualTo("0.0000000000");
        assertThat(record.get("consumed_buy").asString()).isEqualTo("0.0000000000");
    }
}
