package org.arrowsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Strict mode reads each parameter where the official clients send it; the faults play their irregularities. */
class StrictModeTests extends DemoEmulator {

    private static final String BODY = """
            {"exportTypeReference":"%s","filters":{"reportPeriod":{"from":"2026-10","to":"2026-10"}},"page":2}
            """.formatted(ALT);

    @BeforeEach
    void strict() {
        assertThat(http.control("POST", "mode", "{\"strict\":true}")
                        .json()
                        .get("strict")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theModeSurvivesAPresetReloadAndShowsInTheConfig() {
        http.control("POST", "preset", "{\"preset\":\"demo\"}");
        assertThat(http.control("GET", "config", null).json().get("strict").asBoolean())
                .isTrue();
        http.control("POST", "preset", "{\"preset\":\"demo\",\"strict\":false}");
        assertThat(http.control("GET", "mode", null).json().get("strict").asBoolean())
                .isFalse();
    }

    @Test
    void readsTheExportPageFromTheQueryOnly() {
        JsonNode bodyOnly =
                http.post("billing/erp/exports/sync?perPage=5", BODY).json();
        assertThat(bodyOnly.get("pagination").get("currentPage").asInt())
                .as("a page in the body is not read")
                .isEqualTo(1);
        JsonNode query =
                http.post("billing/erp/exports/sync?page=2&perPage=5", BODY).json();
        assertThat(query.get("pagination").get("currentPage").asInt()).isEqualTo(2);
        assertThat(query.get("code").asInt()).as("as the recorded export").isEqualTo(200);
        http.control("POST", "mode", "{\"strict\":false}");
        assertThat(http.post("billing/erp/exports/sync?perPage=5", BODY)
                        .json()
                        .get("pagination")
                        .get("currentPage")
                        .asInt())
                .as("lenient reads the body")
                .isEqualTo(2);
    }

    @Test
    void readsTheConsumptionMonthsUnderTheOfficialNamesOnly() {
        String official = "consumption/monthly/license/XSP4000001?billingMonthStart=2026-10&billingMonthEnd=2026-10";
        assertThat(periods(http.get(official).json())).containsOnly("2026-10");
        assertThat(periods(http.get("consumption/monthly/license/XSP4000001?reportPeriodStart=2026-10")
                        .json()))
                .as("Waldur's names are not read: the current month is answered")
                .containsOnly("2026-11");
    }

    @Test
    void findsLicensesUnwrappedWithSnakeCaseKeysAndFiltersByCustomer() {
        JsonNode all = http.post("licenses/v2/find?per_page=20", "{}").json();
        assertThat(all.has("data")).isFalse();
        assertThat(all.get("pagination").get("totalPage").asInt()).isEqualTo(2);
        assertThat(all.get("pagination").get("total").asInt()).isEqualTo(30);
        JsonNode license = all.get("results").get(0).get("license");
        for (String key : List.of("partner_ref", "customer_ref", "vendor_subscription_id", "friendly_name", "offer")) {
            assertThat(license.get(key).asString()).isNotBlank();
        }
        JsonNode second = http.post("licenses/v2/find?per_page=20&page=2", "{}").json();
        assertThat(second.get("results").size()).isEqualTo(10);
        JsonNode owned = http.post("licenses/v2/find", "{\"filters\":{\"license.customer_ref\":[\"XSP700002\"]}}")
                .json()
                .get("results");
        assertThat(owned.size()).isEqualTo(6);
        owned.forEach(result ->
                assertThat(result.get("license").get("customer_ref").asString()).isEqualTo("XSP700002"));
    }

    @Test
    void predictsEveryDayOfTheCurrentMonthAndHasNoPredictionWithoutConsumption() {
        JsonNode data = http.get("licenses/XSP4000001/predictions/daily").json().get("data");
        assertThat(data.get("licenseReference").asString()).isEqualTo("XSP4000001");
        assertThat(data.get("updatedAt").asString()).isEqualTo("2026-11-26");
        assertThat(data.get("predictions").size()).isEqualTo(30);
        assertThat(data.get("predictions").get(0).get("date").asString()).isEqualTo("2026-11-01");
        assertThat(data.get("predictions").get(0).get("amount").isNumber()).isTrue();
        assertThat(http.get("licenses/XSP4000004/predictions/daily").status()).isEqualTo(404);
    }

    @Test
    void ignoreParametersAnswersAsIfNoneWasSent() {
        fault("exports", "ignore_parameters");
        JsonNode page =
                http.post("billing/erp/exports/sync?page=2&perPage=5", BODY).json();
        assertThat(page.get("pagination").get("currentPage").asInt()).isEqualTo(1);
        assertThat(page.get("pagination").get("perPage").asInt()).isEqualTo(1000);
    }

    @Test
    void pageZeroNullCellsExtraCellsAndMissingStatus() {
        fault("customers", "page_zero");
        assertThat(http.get("customers")
                        .json()
                        .get("pagination")
                        .get("current_page")
                        .asInt())
                .isZero();

        String consumption = "consumption/monthly/license/XSP4000001?billingMonthStart=2026-10";
        fault("consumption", "null_cells");
        JsonNode nulls = http.get(consumption).json().get("data");
        List<String> headers = ExportTests.headers(nulls);
        assertThat(nulls.get("lines")
                        .get(0)
                        .get(headers.indexOf("Total sell price"))
                        .asString())
                .isEqualTo("null");
        assertThat(nulls.get("lines")
                        .get(1)
                        .get(headers.indexOf("Total sell price"))
                        .isNumber())
                .isTrue();

        fault("consumption", "extra_cells");
        JsonNode extra = http.get(consumption).json().get("data");
        extra.get("lines").forEach(line -> assertThat(line.size()).isEqualTo(headers.size() + 3));

        fault("statements", "missing_status");
        JsonNode statements =
                http.get("billing/statements?reportPeriod=2026-10").json();
        assertThat(statements.get("data").get("billingStatements").get(0).has("status"))
                .isFalse();
        fault("whoami", "missing_status");
        JsonNode whoami = http.get("whoami").json();
        assertThat(whoami.has("status")).isFalse();
        assertThat(whoami.get("data").get("reference").asString()).startsWith("XSP");
    }

    private static List<String> periods(JsonNode body) {
        JsonNode data = body.get("data");
        int column = ExportTests.headers(data).indexOf("Report Period");
        List<String> periods = new ArrayList<>();
        data.get("lines").forEach(line -> periods.add(line.get(column).asString()));
        assertThat(periods).isNotEmpty();
        return periods;
    }

    private static void fault(String family, String kind) {
        assertThat(http.control("POST", "faults", "{\"family\":\"" + family + "\",\"kind\":\"" + kind + "\"}")
                        .status())
                .isEqualTo(201);
    }
}
