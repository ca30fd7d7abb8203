package org.arrowsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Clock-driven statement states, Validation Date, corrections and the summary ground truth. */
class LifecycleTests extends DemoEmulator {

    @Test
    void statementStateFollowsTheClock() {
        assertThat(state("2026-11")).isEqualTo("Open");
        setClock("2026-12-03T08:00:00Z");
        assertThat(state("2026-11")).isEqualTo("Needs Validation");
        assertThat(state("2026-12")).isEqualTo("Open");
        assertThat(validationDate("2026-11")).isEmpty();
        setClock("2026-12-06T00:00:00Z");
        assertThat(state("2026-11")).isEqualTo("Fulfilled");
        assertThat(validationDate("2026-11")).isEqualTo("12/06/2026");
        JsonNode statement = http.get("billing/statements/H1-XSP700001-202611-MSCSP")
                .json()
                .get("data")
                .get("billingStatement");
        assertThat(statement.get("status").get("validationDate").asString()).isEqualTo("2026-12-06");
        assertThat(statement.get("issueDate").asString()).isEqualTo("2026-12-01 00:00:00");
    }

    @Test
    void clockCanBeAdvancedAndRead() {
        JsonNode clock = http.control("POST", "clock", "{\"advance\":\"P10D\"}").json();
        assertThat(clock.get("now").asString()).isEqualTo("2026-12-06T10:00:00Z");
        assertThat(http.control("GET", "clock", null)
                        .json()
                        .get("currentPeriod")
                        .asString())
                .isEqualTo("2026-12");
    }

    @Test
    void statementsUseCamelPaginationAndMatchTheSummaryOneStatementPerProgram() {
        JsonNode body = http.get("billing/statements?reportPeriod=2026-10&perPage=4&page=2")
                .json();
        JsonNode pagination = body.get("pagination");
        assertThat(pagination.get("total").asInt())
                .as("5 customers x 2 programs")
                .isEqualTo(10);
        assertThat(pagination.get("perPage").asInt()).isEqualTo(4);
        assertThat(pagination.get("currentPage").asInt()).isEqualTo(2);
        assertThat(pagination.get("totalPages").asInt()).isEqualTo(3);
        assertThat(pagination.get("prevUrl").asString()).contains("page=1");
        assertThat(pagination.get("nextUrl").asString()).contains("page=3");
        JsonNode statements = http.get("billing/statements?reportPeriod=2026-10&customerXspRef=XSP700003")
                .json()
                .get("data")
                .get("billingStatements");
        assertThat(statements.size()).isEqualTo(2);
        JsonNode summary = http.control("GET", "summary?period=2026-10", null)
                .json()
                .get("customers")
                .get("XSP700003");
        BigDecimal sell = BigDecimal.ZERO;
        int lines = 0;
        List<String> programs = new ArrayList<>();
        for (JsonNode statement : statements) {
            programs.add(statement.get("programCode").asString());
            assertThat(statement.get("prices").get("sellTotal").isNumber()).isTrue();
            sell = sell.add(statement.get("prices").get("sellTotal").decimalValue());
            JsonNode page = http.get(
                            "billing/statements/" + statement.get("reference").asString() + "/lines?perPage=3")
                    .json();
            assertThat(page.get("data").get("billingStatementLines").size()).isLessThanOrEqualTo(3);
            page.get("data")
                    .get("billingStatementLines")
                    .forEach(line -> assertThat(line.get("programCode").asString())
                            .isEqualTo(statement.get("programCode").asString()));
            lines += page.get("pagination").get("total").asInt();
        }
        assertThat(programs).containsExactly("MSCSP", "ARWS-MSS");
        assertThat(statements.get(0).get("classification").isNull())
                .as("Azure and M365")
                .isTrue();
        assertThat(statements.get(1).get("classification").asString()).isEqualTo("IAAS");
        assertThat(sell).isEqualByComparingTo(summary.get("sell").asString());
        assertThat(lines).isEqualTo(summary.get("lines").asInt());
        assertThat(http.get("billing/statements?customerXspRef=XSP700003")
                        .json()
                        .get("pagination")
                        .get("total")
                        .asInt())
                .isEqualTo(13 * 2);
        assertThat(http.get("billing/statements/H1-XSP700001-209901-MSCSP").status())
                .isEqualTo(404);
        assertThat(http.get("billing/statements/H1-XSP700001-202610-NOPE").status())
                .isEqualTo(404);
    }

    @Test
    void openMonthGrowsWithTheClock() {
        BigDecimal before = new BigDecimal(summary("2026-11").get("sell").asString());
        setClock("2026-11-28T10:00:00Z");
        BigDecimal later = new BigDecimal(summary("2026-11").get("sell").asString());
        assertThat(later).isGreaterThan(before);
        String closed = summary("2026-10").get("sell").asString();
        setClock("2026-11-29T10:00:00Z");
        assertThat(summary("2026-10").get("sell").asString()).isEqualTo(closed);
    }

    @Test
    void changesPriceOfALineBySequence() {
        String sequence = firstSequence("2026-10");
        BigDecimal before = new BigDecimal(summary("2026-10").get("sell").asString());
        BigDecimal old = new BigDecimal(http.control("GET", "lines/" + sequence, null)
                .json()
                .get("sellTotal")
                .asString());
        JsonNode changed = http.control("POST", "lines/" + sequence, "{\"sell\":\"1000.00001\",\"buy\":900}")
                .json();
        assertThat(changed.get("sellTotal").asString()).isEqualTo("1000.00001");
        assertThat(changed.get("buyTotal").asString()).isEqualTo("900.00000");
        assertThat(new BigDecimal(summary("2026-10").get("sell").asString()))
                .isEqualByComparingTo(before.subtract(old).add(new BigDecimal("1000.00001")));
        assertThat(exportRow(sequence).get(13).asString()).isEqualTo("1000.00001");
        assertThat(http.control("POST", "lines/NOPE-1-202610-0", "{\"sell\":1}").status())
                .isEqualTo(404);
    }

    @Test
    void removesALineBySequence() {
        String sequence = firstSequence("2026-10");
        int lines = summary("2026-10")
                .get("customers")
                .get("XSP700001")
                .get("lines")
                .asInt();
        assertThat(http.control("DELETE", "lines/" + sequence, null).status()).isEqualTo(200);
        assertThat(exportRow(sequence)).isNull();
        assertThat(summary("2026-10")
                        .get("customers")
                        .get("XSP700001")
                        .get("lines")
                        .asInt())
                .isEqualTo(lines - 1);
        assertThat(http.control("DELETE", "lines/" + sequence, null).status()).isEqualTo(404);
        JsonNode consumption = http.get("consumption/monthly/license/XSP4000001?reportPeriodStart=2026-10")
                .json();
        assertThat(consumption.get("data").get("lines").size()).isEqualTo(lines(http, "XSP4000001"));
    }

    @Test
    void addsALineToAClosedMonth() {
        JsonNode added = http.control(
                        "POST",
                        "lines",
                        "{\"licenseRef\":\"XSP4000002\",\"period\":\"2026-09\",\"sell\":\"30.00000\",\"buy\":\"24\",\"quantity\":3}")
                .json();
        String sequence = added.get("sequence").asString();
        assertThat(added.get("sellUnit").asString()).isEqualTo("10.00000");
        JsonNode row = exportRow("2026-09", sequence);
        assertThat(row.get(12).asString()).isEqualTo("3");
        assertThat(row.get(13).asString()).isEqualTo("30.00000");
        assertThat(row.get(2).asString()).isEqualTo("Contoso Ltd");
        assertThat(http.control(
                                "POST",
                                "lines",
                                "{\"licenseRef\":\"XSP4000002\",\"period\":\"2030-01\",\"sell\":1,\"buy\":1}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void presetReloadResetsCorrections() {
        String sequence = firstSequence("2026-10");
        http.control("DELETE", "lines/" + sequence, null);
        JsonNode config = http.control(
                        "POST", "preset", "{\"preset\":\"demo\",\"seed\":" + EmulatorOptions.DEMO_SEED + "}")
                .json();
        assertThat(config.get("customers").asInt()).isEqualTo(5);
        assertThat(config.get("exportTypes").get("MSP").asString()).isEqualTo(MSP);
        assertThat(exportRow(sequence)).isNotNull();
    }

    private static int lines(Http client, String license) {
        return client.get("consumption/monthly/license/" + license + "?reportPeriodStart=2026-09")
                .json()
                .get("data")
                .get("lines")
                .size();
    }

    private static String state(String period) {
        return http.get("billing/statements?reportPeriod=" + period + "&customerXspRef=XSP700001")
                .json()
                .get("data")
                .get("billingStatements")
                .get(0)
                .get("status")
                .get("state")
                .asString();
    }

    private static String validationDate(String period) {
        return http.export(ALT, period, period, 1, 1)
                .json()
                .get("data")
                .get("values")
                .get(0)
                .get(9)
                .asString();
    }

    private static JsonNode summary(String period) {
        return http.control("GET", "summary?period=" + period, null).json();
    }

    private static String firstSequence(String period) {
        return http.export(ALT, period, period, 1, 1)
                .json()
                .get("data")
                .get("values")
                .get(0)
                .get(0)
                .asString();
    }

    private static JsonNode exportRow(String sequence) {
        return exportRow("2026-10", sequence);
    }

    private static JsonNode exportRow(String period, String sequence) {
        for (JsonNode row :
                http.export(ALT, period, period, 1, 1000).json().get("data").get("values")) {
            if (row.get(0).asString().equals(sequence)) {
                return row;
            }
        }
        return null;
    }
}
