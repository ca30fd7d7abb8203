package org.arrowsync.margins;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.CsvRows;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The margins report, the month's lines as CSV and invoices as CSV, over the closed month of the demo preset billed
 * through both paths under a rule.
 */
class MarginReportsIntegrationTests extends IntegrationTest {

    static final String MARGINS = "/api/admin/arrow/reports/margins/";
    static final String LINES = "/api/admin/arrow/reports/lines/";
    static final YearMonth MONTH = TestClock.closedMonth();
    static final String CONTOSO = "XSP700001";

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;
    Map<String, String> customers;

    @BeforeEach
    void billedTheMonth() {
        settings = fixture.settings();
        customers = fixture.mapAllCustomers();
        fixture.syncedResources(MONTH);
        fixture.markupRule(CONTOSO, MONTH, "10");
        fixture.succeeded("trigger_consumption_sync", MONTH);
        fixture.succeeded("trigger_sync", MONTH);
    }

    @Test
    void marginsArePerCustomerWhatArrowChargesAgainstWhatWasBilled() {
        List<JsonNode> margins = list(api.get(MARGINS + "?period=" + MONTH + "&settings_uuid=" + settings)
                .expect(200)
                .json());
        assertThat(margins).hasSize(customers.size());
        Map<String, BigDecimal[]> arrowTotals = arrowTotals();
        for (JsonNode margin : margins) {
            String customer = margin.get("customer_uuid").asString();
            BigDecimal[] expected = arrowTotals.get(customer);
            BigDecimal billed = fixture.arrowChargesAsBilled(customer, MONTH);
            assertThat(margin.get("currency").asString()).isEqualTo("EUR");
            assertThat(margin.get("arrow_sell").asString()).isEqualTo(cents(expected[0]));
            assertThat(margin.get("arrow_buy").asString()).isEqualTo(cents(expected[1]));
            assertThat(margin.get("billed").asString()).isEqualTo(cents(billed));
            assertThat(margin.get("margin").asString()).isEqualTo(cents(billed.subtract(expected[1])));
            assertThat(new BigDecimal(margin.get("margin_percent").asString()))
                    .isEqualByComparingTo(billed.subtract(expected[1])
                            .multiply(BigDecimal.valueOf(100))
                            .divide(billed, 2, RoundingMode.HALF_EVEN));
        }
        JsonNode contoso = margins.stream()
                .filter(margin -> margin.get("customer_uuid").asString().equals(customers.get(CONTOSO)))
                .findFirst()
                .orElseThrow();
        assertThat(new BigDecimal(contoso.get("margin_percent").asString()))
                .as("buy + 10 %% is a margin of 1/11 of what is billed")
                .isEqualByComparingTo("9.09");

        List<JsonNode> one = list(api.get(MARGINS + "?period=" + MONTH + "&customer_uuid=" + customers.get(CONTOSO))
                .expect(200)
                .json());
        assertThat(one).hasSize(1);
        assertThat(one.get(0)).isEqualTo(contoso);
        assertThat(api.get(MARGINS + "?period=" + MONTH.plusMonths(2) + "&settings_uuid=" + settings)
                        .expect(200)
                        .json()
                        .size())
                .isZero();
    }

    /**
     * A customer whose invoice of the month was canceled was billed nothing: its margin is what Arrow charges (D200).
     */
    @Test
    void aCanceledInvoiceBillsNothingInTheMargins() {
        fixture.setInvoiceState(customers.get(CONTOSO), MONTH, "canceled");

        List<JsonNode> margins = list(api.get(MARGINS + "?period=" + MONTH + "&settings_uuid=" + settings)
                .expect(200)
                .json());

        Map<String, BigDecimal[]> arrowTotals = arrowTotals();
        for (JsonNode margin : margins) {
            String customer = margin.get("customer_uuid").asString();
            BigDecimal buy = arrowTotals.get(customer)[1];
            BigDecimal billed = customer.equals(customers.get(CONTOSO))
                    ? BigDecimal.ZERO
                    : fixture.arrowChargesAsBilled(customer, MONTH);
            assertThat(margin.get("billed").asString()).as(customer).isEqualTo(cents(billed));
            assertThat(margin.get("margin").asString()).as(customer).isEqualTo(cents(billed.subtract(buy)));
        }
        List<List<String>> rows = CsvRows.parse(api.withHeader("Accept", "text/csv")
                .get(LINES + "?period=" + MONTH + "&customer_uuid=" + customers.get(CONTOSO))
                .expect(200)
                .body());
        int billed = List.of(MarginReports.LINE_COLUMNS).indexOf("billed");
        assertThat(rows.subList(1, rows.size()))
                .as("Contoso's lines, each billed nothing")
                .isNotEmpty()
                .allSatisfy(line -> assertThat(new BigDecimal(line.get(billed))).isZero());
    }

    @Test
    void theLinesOfTheMonthComeAsCsvWithAHeaderRow() {
        Response answer = api.withHeader("Accept", "text/csv")
                .get(LINES + "?period=" + MONTH + "&settings_uuid=" + settings)
                .expect(200);
        assertThat(answer.header("Content-Type")).startsWith("text/csv");
        assertThat(answer.header("Content-Disposition"))
                .contains("attachment")
                .contains("arrow-lines-" + MONTH + ".csv");
        List<List<String>> rows = CsvRows.parse(answer.body());
        assertThat(rows.get(0)).containsExactly(MarginReports.LINE_COLUMNS);
        List<List<String>> lines = rows.subList(1, rows.size());
        int viaConsumption = count("consumption") + zeroLinesOfTrackedLicenses();
        int tracked = jdbc.sql("""
                        select count(distinct t.license_reference) from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.billed_via = 'consumption'""").param(settings).query(Integer.class).single();
        assertThat(lines)
                .as("each line the billing sync bills, and each license-month consumption tracking bills")
                .hasSize(fixture.emulator().exportLines(MONTH).size() - viaConsumption + tracked);
        BigDecimal buy = BigDecimal.ZERO;
        BigDecimal billed = BigDecimal.ZERO;
        for (List<String> line : lines) {
            assertThat(line).hasSize(13);
            BigDecimal lineBuy = new BigDecimal(line.get(6));
            BigDecimal lineBilled = new BigDecimal(line.get(8));
            assertThat(new BigDecimal(line.get(9))).isEqualByComparingTo(lineBilled.subtract(lineBuy));
            assertThat(line.get(10)).isEqualTo("EUR");
            if (lineBilled.signum() != 0) {
                assertThat(line.get(11)).hasSize(32);
                assertThat(line.get(12)).hasSize(32);
            }
            buy = buy.add(lineBuy);
            billed = billed.add(lineBilled);
        }
        BigDecimal exportBuy = fixture.emulator().exportLines(MONTH).stream()
                .map(BillingLine::buyTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(buy).isEqualByComparingTo(exportBuy);
        assertThat(billed)
                .isEqualByComparingTo(customers.values().stream()
                        .map(customer -> fixture.arrowChargesAsBilled(customer, MONTH))
                        .reduce(BigDecimal.ZERO, BigDecimal::add));

        assertThat(api.get(LINES + "?period=" + MONTH + "&format=csv&settings_uuid=" + settings)
                        .expect(200)
                        .body())
                .isEqualTo(answer.body());
        List<List<String>> contoso = CsvRows.parse(
                api.get(LINES + "?format=csv&period=" + MONTH + "&customer_uuid=" + customers.get(CONTOSO))
                        .expect(200)
                        .body());
        assertThat(contoso.subList(1, contoso.size()))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.get(0)).startsWith("Contoso"));
    }

    @Test
    void aLinesRequestThatCannotBeAnsweredAsCsvIsRefusedInJson() {
        org.arrowsync.support.Api csv = api.withHeader("Accept", "text/csv");
        Response missing = csv.get(LINES).expect(400);
        assertThat(missing.header("Content-Type")).startsWith("application/json");
        assertThat(missing.json().get("period").get(0).asString()).isEqualTo("This field is required.");
        assertThat(csv.get(LINES + "?period=2026-1x")
                        .expect(400)
                        .json()
                        .get("period")
                        .get(0)
                        .asString())
                .startsWith("Invalid period format");
        String nobody = "0123456789abcdef0123456789abcdef";
        assertThat(csv.get(LINES + "?period=" + MONTH + "&settings_uuid=" + nobody)
                        .expect(404)
                        .text("error"))
                .isEqualTo("Settings not found: " + nobody);
        assertThat(api.withHeader("Accept", "application/json")
                        .get(LINES + "?period=" + MONTH)
                        .expect(406)
                        .text("detail"))
                .isEqualTo("Could not satisfy the request Accept header.");
        api.get(LINES + "?period=" + MONTH + "&format=xml").expect(406);
        api.get(MARGINS).expect(400);
        api.as(fixture.userToken())
                .get(LINES + "?period=" + MONTH + "&format=csv")
                .expect(403);
    }

    @Test
    void aTextCellASpreadsheetWouldRunIsWrittenAsText() {
        String contoso = customers.get(CONTOSO);
        jdbc.sql("update customers set name = ? where uuid = ?::uuid")
                .params("=HYPERLINK(\"http://evil.example\",\"Contoso\"), Ltd", contoso)
                .update();
        String body = api.get(LINES + "?format=csv&period=" + MONTH + "&customer_uuid=" + contoso)
                .expect(200)
                .body();
        assertThat(body).contains("\r\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Contoso\"\"), Ltd\",");
        assertThat(CsvRows.parse(body).get(1).get(0))
                .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Contoso\"), Ltd");
    }

    @Test
    void anInvoiceComesAsCsvWhenAskedAndAsJsonOtherwise() {
        String contoso = customers.get(CONTOSO);
        JsonNode invoice = api.get("/api/invoices/?customer_uuid=" + contoso + "&year=" + MONTH.getYear() + "&month="
                        + MONTH.getMonthValue())
                .expect(200)
                .json()
                .get(0);
        String url = "/api/invoices/" + invoice.get("uuid").asString() + "/";
        Response csv = api.withHeader("Accept", "text/csv").get(url).expect(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<List<String>> rows = CsvRows.parse(csv.body());
        assertThat(rows.get(0))
                .containsExactly(
                        "uuid",
                        "name",
                        "resource_name",
                        "project_name",
                        "start",
                        "end",
                        "quantity",
                        "unit",
                        "unit_price",
                        "price",
                        "currency");
        assertThat(rows).hasSize(invoice.get("items").size() + 1);
        Map<String, List<String>> byUuid = new HashMap<>();
        rows.subList(1, rows.size()).forEach(row -> byUuid.put(row.get(0), row));
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode item : invoice.get("items")) {
            List<String> row = byUuid.get(item.get("uuid").asString());
            assertThat(row.get(1)).isEqualTo(item.get("name").asString());
            assertThat(new BigDecimal(row.get(9)))
                    .isEqualByComparingTo(item.get("price").asString());
            assertThat(row.get(4)).isEqualTo(MONTH + "-01");
            total = total.add(new BigDecimal(row.get(9)));
        }
        assertThat(total).isEqualByComparingTo(invoice.get("total").asString());
        assertThat(api.get(url + "?format=csv").expect(200).body()).isEqualTo(csv.body());
        assertThat(api.get(url).expect(200).header("Content-Type")).startsWith("application/json");
        assertThat(api.withHeader("Accept", "*/*")
                        .get(url)
                        .expect(200)
                        .json()
                        .get("uuid")
                        .asString())
                .isEqualTo(invoice.get("uuid").asString());
        api.withHeader("Accept", "text/csv")
                .get("/api/invoices/0123456789abcdef0123456789abcdef/")
                .expect(404);
        // the one encoding written: a CSV in another charset is UTF-8 and says so, JSON in another is refused
        Response latin1 =
                api.withHeader("Accept", "text/csv; charset=iso-8859-1").get(url);
        assertThat(latin1.expect(200).header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(latin1.body()).isEqualTo(csv.body());
        for (String charset : List.of("latin1", "utf-16", "nonsense")) {
            api.withHeader("Accept", "application/json; charset=" + charset)
                    .get(url)
                    .expect(406);
        }
        for (String utf8 : List.of("utf-8", "UTF8", "\"utf-8\"")) {
            api.withHeader("Accept", "application/json; charset=" + utf8)
                    .get(url)
                    .expect(200);
        }
    }

    /** Per operator customer: the export's sell and buy totals of the month. */
    private Map<String, BigDecimal[]> arrowTotals() {
        Map<String, BigDecimal[]> totals = new HashMap<>();
        for (BillingLine line : fixture.emulator().exportLines(MONTH)) {
            BigDecimal[] sums = totals.computeIfAbsent(customers.get("XSP" + line.customerReference()), customer ->
                    new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(line.sellTotal());
            sums[1] = sums[1].add(line.buyTotal());
        }
        return totals;
    }

    private int count(String billedVia) {
        return jdbc.sql("""
                        select count(*) from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.billed_via = ?""").params(settings, billedVia).query(Integer.class).single();
    }

    /** Lines that bill nothing of license-months consumption tracking bills: in their records (D252). */
    private int zeroLinesOfTrackedLicenses() {
        return jdbc.sql("""
                        select count(*) from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        join license_billing lb on lb.license_reference = t.license_reference and lb.period = b.report_period
                        where s.uuid = ?::uuid and t.billed_via = 'zero' and lb.billed_by = 'consumption'""").param(settings).query(Integer.class).single();
    }

    private static String cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static List<JsonNode> list(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
    }
}
