package org.arrowsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.arrowsync.emulator.http.ExportTemplates;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExportTests extends DemoEmulator {

    @Test
    void listsEveryExportTypeAsAMapAndAllColumns() {
        JsonNode body = http.get("billing/erp/exports/types").json();
        assertThat(body.get("code").asInt()).isZero();
        assertThat(body.get("message").asString()).isEqualTo("success");
        JsonNode types = body.get("data").get("exportTypes");
        List<String> refs = new ArrayList<>();
        types.properties().forEach(type -> refs.add(type.getKey()));
        assertThat(refs)
                .containsExactly(
                        MSP,
                        ALT,
                        ScenarioTests.THIN,
                        ScenarioTests.BY_NAME,
                        ScenarioTests.NO_CUSTOMER,
                        ExportTemplates.NO_LICENSE_REFERENCE,
                        ExportTemplates.NO_CURRENCY_REFERENCE,
                        ExportTemplates.NO_SEQUENCE_REFERENCE);
        assertThat(types.get(MSP).asString()).isEqualTo("MSP (Extended)");
        JsonNode columns =
                http.get("billing/erp/exports/columns").json().get("data").get("columns");
        assertThat(columns.toString()).contains("\"Customer Total Price\"", "\"Sell Total Price\"");
    }

    @Test
    void mspTemplateHasTheRecorded70ColumnsAndStringValues() {
        JsonNode data = http.export(MSP, "2026-10", "2026-10", 1, 1000).json().get("data");
        List<String> headers = headers(data);
        assertThat(headers).hasSize(70);
        assertThat(headers.get(0)).isEqualTo("Order Id");
        assertThat(headers.get(69)).isEqualTo("Rate Percentage");
        assertThat(headers)
                .contains(
                        "Customer Total Price",
                        "Total Wholesale Price",
                        "Sequence",
                        "Validation Date",
                        "ARS Subscription ID",
                        "Vendor Subscription ID",
                        "End User Company Name",
                        "Classification");
        JsonNode row = data.get("values").get(0);
        assertThat(row.size()).isEqualTo(70);
        assertThat(row.get(headers.indexOf("Customer Total Price")).asString()).matches("-?\\d+\\.\\d{5}");
        assertThat(row.get(headers.indexOf("Validation Date")).asString()).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(row.get(headers.indexOf("Order Creation Date")).asString()).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(row.get(headers.indexOf("Report Period")).asString()).isEqualTo("2026-10");
        assertThat(row.get(headers.indexOf("Segment")).isNull()).isTrue();
    }

    @Test
    void altTemplateUsesAlternativeNames() {
        List<String> headers =
                headers(http.export(ALT, "2026-10", "2026-10", 1, 5).json().get("data"));
        assertThat(headers)
                .contains(
                        "Sell Total Price",
                        "Buy Total Price",
                        "Quantity",
                        "Product Name",
                        "Statement Reference",
                        "Sequence",
                        "End User Company Name",
                        "End User Company ID",
                        "Vendor Name",
                        "Vendor Subscription ID",
                        "ARS Subscription ID",
                        "Classification",
                        "Report Period",
                        "Validation Date",
                        "Arrow SKU",
                        "Country Marketplace Currency");
    }

    @Test
    void pagesWithExportPaginationKeys() {
        JsonNode first = http.export(ALT, "2026-10", "2026-10", 1, 10).json();
        JsonNode pagination = first.get("pagination");
        int total = pagination.get("total").asInt();
        assertThat(pagination.get("perPage").asInt()).isEqualTo(10);
        assertThat(pagination.get("currentPage").asInt()).isEqualTo(1);
        assertThat(pagination.get("totalPages").asInt()).isEqualTo((total + 9) / 10);
        Set<String> sequences = new HashSet<>();
        for (int page = 1; page <= pagination.get("totalPages").asInt(); page++) {
            http.export(ALT, "2026-10", "2026-10", page, 10)
                    .json()
                    .get("data")
                    .get("values")
                    .forEach(row -> sequences.add(row.get(0).asString()));
        }
        assertThat(sequences).hasSize(total);
        assertThat(http.export(ALT, "2026-10", "2026-10", 99, 10)
                        .json()
                        .get("data")
                        .get("values")
                        .size())
                .isZero();
    }

    @Test
    void queryPageWinsOverBodyPage() {
        String body = "{\"exportTypeReference\":\"" + ALT
                + "\",\"filters\":{\"reportPeriod\":{\"from\":\"2026-10\",\"to\":\"2026-10\"}},\"page\":1,\"perPage\":5}";
        JsonNode viaQuery = http.post("billing/erp/exports/sync?page=2", body).json();
        assertThat(viaQuery.get("pagination").get("currentPage").asInt()).isEqualTo(2);
        assertThat(viaQuery.get("data").get("values").get(0).toString())
                .isEqualTo(http.export(ALT, "2026-10", "2026-10", 2, 5)
                        .json()
                        .get("data")
                        .get("values")
                        .get(0)
                        .toString());
    }

    @Test
    void writesDatesInTheOutputFormatAskedForAndRefusesAnUnknownOne() {
        String asked = """
                {"exportTypeReference":"%s","filters":{"reportPeriod":{"from":"2026-10","to":"2026-10"}},\
                "outputFormat":{"date":"%s"},"perPage":5}""";
        List<String> mmdd = dates(http.export(MSP, "2026-10", "2026-10", 1, 5).json());
        List<String> ddmm = dates(http.post("billing/erp/exports/sync", asked.formatted(MSP, "DD-MM-YYYY"))
                .json());
        assertThat(mmdd).isNotEmpty().allMatch(date -> date.matches("\\d{2}/\\d{2}/\\d{4}"));
        assertThat(ddmm).hasSameSizeAs(mmdd);
        for (int i = 0; i < mmdd.size(); i++) {
            String[] monthFirst = mmdd.get(i).split("/");
            assertThat(ddmm.get(i)).isEqualTo(monthFirst[1] + "-" + monthFirst[0] + "-" + monthFirst[2]);
        }
        assertThat(http.post("billing/erp/exports/sync", asked.formatted(MSP, "YYYY.MM.DD"))
                        .status())
                .isEqualTo(400);
    }

    /** The rows' order creation dates. */
    private static List<String> dates(JsonNode export) {
        int column = headers(export.get("data")).indexOf("Order Creation Date");
        List<String> dates = new ArrayList<>();
        export.get("data")
                .get("values")
                .forEach(row -> dates.add(row.get(column).asString()));
        return dates;
    }

    @Test
    void refusesTooLargePagesTooLongRangesAndUnknownTypes() {
        assertThat(http.export(ALT, "2026-10", "2026-10", 1, 1001).status()).isEqualTo(400);
        assertThat(http.export(ALT, "2026-01", "2026-07", 1, 10).status()).isEqualTo(400);
        assertThat(http.export(ALT, "2026-02", "2026-07", 1, 10).status()).isEqualTo(200);
        assertThat(http.export(ALT, "2026-10", "2026-09", 1, 10).status()).isEqualTo(400);
        Http.Reply unknown = http.export("nope", "2026-10", "2026-10", 1, 10);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errorCode").asString()).isNotBlank();
    }

    @Test
    void filtersByCustomerClassificationAndVendorSubscription() {
        JsonNode byCustomer = filtered("\"customerXspRefs\":[\"XSP700002\"]");
        assertThat(byCustomer.size()).isPositive();
        byCustomer.forEach(row -> assertThat(row.get(3).asString()).isEqualTo("700002"));
        JsonNode saas = filtered("\"classifications\":[\"SAAS\"]");
        assertThat(saas.size()).isEqualTo(10);
        saas.forEach(row -> assertThat(row.get(7).asString()).isEqualTo("SAAS"));
        assertThat(filtered("\"classification\":\"IAAS\"").size() + saas.size())
                .isEqualTo(filtered("").size());
        String vendorId = ApiTests.vendorId("XSP4000003");
        JsonNode bySubscription = filtered("\"vendorSubscriptionIds\":[\"" + vendorId + "\"]");
        assertThat(bySubscription.size()).isPositive();
        bySubscription.forEach(row -> assertThat(row.get(6).asString()).isEqualTo("XSP4000003"));
    }

    @Test
    void sequencesAreUniquePerLineAndMonth() {
        Set<String> all = new HashSet<>();
        int rows = 0;
        for (String[] range : new String[][] {{"2025-11", "2026-04"}, {"2026-05", "2026-10"}, {"2026-11", "2026-11"}}) {
            JsonNode values = http.export(ALT, range[0], range[1], 1, 1000)
                    .json()
                    .get("data")
                    .get("values");
            for (JsonNode row : values) {
                all.add(row.get(0).asString());
                rows++;
            }
        }
        assertThat(rows).isGreaterThan(13 * 50);
        assertThat(all).hasSize(rows);
    }

    @Test
    void containsMultiSeatCreditAndZeroLines() {
        JsonNode values = filtered("");
        boolean multiSeat = false;
        boolean credit = false;
        boolean zero = false;
        for (JsonNode row : values) {
            int qty = Integer.parseInt(row.get(12).asString());
            BigDecimal sell = new BigDecimal(row.get(13).asString());
            multiSeat |= qty > 1;
            credit |= sell.signum() < 0;
            zero |= sell.signum() == 0;
        }
        assertThat(multiSeat && credit && zero).isTrue();
        JsonNode msp = http.export(MSP, "2026-10", "2026-10", 1, 1000).json().get("data");
        List<String> h = headers(msp);
        for (JsonNode row : msp.get("values")) {
            BigDecimal unit =
                    new BigDecimal(row.get(h.indexOf("Customer Unit Price")).asString());
            BigDecimal qty = new BigDecimal(row.get(h.indexOf("Qty")).asString());
            assertThat(unit.multiply(qty))
                    .isEqualByComparingTo(
                            row.get(h.indexOf("Customer Total Price")).asString());
        }
    }

    @Test
    void sameSeedGivesSameRowsAndOtherSeedOtherRows() {
        String first = http.export(MSP, "2026-05", "2026-10", 1, 1000).body();
        try (ArrowEmulator twin = ArrowEmulator.start(EmulatorOptions.demo().withClock(NOW));
                ArrowEmulator other = ArrowEmulator.start(
                        EmulatorOptions.demo().withClock(NOW).withSeed(7))) {
            assertThat(new Http(twin).export(MSP, "2026-05", "2026-10", 1, 1000).body())
                    .isEqualTo(first);
            assertThat(new Http(other)
                            .export(MSP, "2026-05", "2026-10", 1, 1000)
                            .body())
                    .isNotEqualTo(first);
        }
    }

    private static JsonNode filtered(String filter) {
        String filters =
                "\"reportPeriod\":{\"from\":\"2026-10\",\"to\":\"2026-10\"}" + (filter.isEmpty() ? "" : "," + filter);
        return http.post(
                        "billing/erp/exports/sync",
                        "{\"exportTypeReference\":\"" + ALT + "\",\"filters\":{" + filters + "}}")
                .json()
                .get("data")
                .get("values");
    }

    static List<String> headers(JsonNode data) {
        List<String> headers = new ArrayList<>();
        data.get("headers").forEach(h -> headers.add(h.asString()));
        return headers;
    }
}
