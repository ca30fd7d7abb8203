package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every endpoint the product uses, against the real emulator over HTTP. */
class ArrowClientEmulatorTests {

    private static final YearMonth CLOSED_MONTH = TestClock.closedMonth();

    @RegisterExtension
    static final Emulator emulator = new Emulator();

    private final ArrowClient client = emulator.client(ClientSettings.fast());

    @Test
    void whoamiNamesThePartner() {
        Partner partner = client.whoami();
        assertThat(partner.reference()).startsWith("XSP");
        assertThat(partner.companyName()).isNotBlank();
        assertThat(partner.email()).contains("@");
        assertThat(partner.countryCode()).hasSize(2);
    }

    @Test
    void aWrongKeyIsUnauthorizedAndTheKeyNeverShows() {
        ArrowClient wrong = new ArrowClients(ClientSettings.fast())
                .connect(new ArrowConnection(URI.create(emulator.apiUrl()), "wrong-secret-key-123"));
        assertThatThrownBy(wrong::whoami)
                .isInstanceOf(ArrowUnauthorized.class)
                .hasMessage("Arrow API whoami returned HTTP 401")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-secret-key-123"));
        assertThat(emulator.requests("whoami")).isEqualTo(1);
    }

    @Test
    void readsEveryCustomerAcrossPages() {
        emulator.preset("{\"preset\":\"demo\",\"customers\":250,\"licensesPerCustomer\":1}");
        List<Customer> customers = client.customers();
        assertThat(customers).hasSize(250);
        assertThat(customers).extracting(Customer::reference).doesNotHaveDuplicates();
        assertThat(customers).allSatisfy(c -> assertThat(c.email()).contains("@"));
        assertThat(emulator.requests("customers", "200")).isEqualTo(3);
    }

    @Test
    void readsOneCustomerAndReportsAnUnknownOne() {
        Customer first = client.customers().get(0);
        assertThat(client.customer(first.reference())).isEqualTo(first);
        assertThatThrownBy(() -> client.customer("XSP0000000")).isInstanceOf(ArrowNotFound.class);
    }

    @Test
    void readsLicensesAndOneLicenseWithItsRawJson() {
        List<License> licenses = client.licenses("XSP700001");
        assertThat(licenses).hasSize(6);
        License first = licenses.get(0);
        LicenseDetails details = client.license(first.reference());
        assertThat(details.license())
                .usingRecursiveComparison()
                .comparingOnlyFields("reference", "customerReference", "vendorSubscriptionId", "name", "seats")
                .isEqualTo(first);
        assertThat(details.raw().path("license_id").asString()).isEqualTo(first.reference());
        assertThat(details.raw().has("price")).isTrue();
        assertThatThrownBy(() -> client.license("XSP0000000")).isInstanceOf(ArrowNotFound.class);
    }

    @Test
    void monthlyConsumptionTotalsItsLinesWithEitherHeaderSet() {
        String license = client.licenses("XSP700001").get(0).reference();
        ConsumptionReport standard = client.monthlyConsumption(license, CLOSED_MONTH, CLOSED_MONTH);
        assertThat(standard.headers()).contains("Total sell price");
        assertThat(standard.lines())
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.reportPeriod()).isEqualTo(CLOSED_MONTH));
        assertThat(standard.sellTotal())
                .isPositive()
                .isEqualByComparingTo(sum(standard.lines().stream()
                        .map(ConsumptionLine::sellTotal)
                        .toList()));

        emulator.preset("{\"preset\":\"demo\",\"consumptionHeaders\":\"country\"}");
        ConsumptionReport country = client.monthlyConsumption(license, CLOSED_MONTH, CLOSED_MONTH);
        assertThat(country.headers()).contains("Country customer total").doesNotContain("Total sell price");
        assertThat(country.sellTotal()).isEqualByComparingTo(standard.sellTotal());
        assertThat(country.buyTotal()).isEqualByComparingTo(standard.buyTotal());
    }

    @Test
    void predictionGivesSellAndBuyTotals() {
        ConsumptionPrediction prediction = client.consumptionPrediction("XSP4000001");
        assertThat(prediction.sellTotal()).isPositive();
        assertThat(prediction.buyTotal()).isPositive();
        assertThat(prediction.currency()).isNotBlank();
    }

    @Test
    void listsExportTypesAndColumns() {
        assertThat(client.exportTypes())
                .extracting(ExportType::reference)
                .contains(ExportTemplates.MSP_REFERENCE, ExportTemplates.ALT_REFERENCE);
        assertThat(client.exportColumns())
                .extracting(ExportColumn::name)
                .contains("Sequence", "Customer Total Price", "ARS Subscription ID");
    }

    @Test
    void statementsOfAClosedMonthAreFulfilledAndHaveLines() {
        List<Statement> statements = client.statements(StatementQuery.forPeriod(CLOSED_MONTH));
        assertThat(statements)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.reportPeriod()).isEqualTo(CLOSED_MONTH))
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(StatementState.FULFILLED));
        Statement first = statements.get(0);
        assertThat(client.statements(new StatementQuery(CLOSED_MONTH, first.customerReference())))
                .extracting(Statement::customerReference)
                .containsOnly(first.customerReference());
        List<StatementLine> lines = client.statementLines(first.reference());
        assertThat(lines).isNotEmpty();
        assertThat(sum(lines.stream().map(StatementLine::sellTotal).toList())).isEqualByComparingTo(first.sellTotal());
    }

    @Test
    void vendorNamesAreSortedAndDistinct() {
        List<String> vendors = client.vendorNames("IAAS");
        assertThat(vendors).isNotEmpty().isSorted().doesNotHaveDuplicates();
    }

    @Test
    void bothExportTemplatesGiveTheSameTypedLines() {
        ExportPage msp = client.exportPage(ExportQuery.forPeriod(ExportTemplates.MSP_REFERENCE, CLOSED_MONTH), 1);
        ExportPage standard = client.exportPage(ExportQuery.forPeriod(ExportTemplates.ALT_REFERENCE, CLOSED_MONTH), 1);
        assertThat(msp.headers()).contains("Customer Total Price").doesNotContain("Sell Total Price");
        assertThat(standard.headers()).contains("Sell Total Price", "Statement Reference");
        assertThat(msp.rows()).hasSameSizeAs(standard.rows()).isNotEmpty();
        List<BillingLine> mspLines = lines(msp);
        List<BillingLine> standardLines = lines(standard);
        for (int i = 0; i < mspLines.size(); i++) {
            BillingLine a = mspLines.get(i);
            BillingLine b = standardLines.get(i);
            assertThat(a.lineReference()).isEqualTo(b.lineReference());
            assertThat(a.sellTotal()).isEqualByComparingTo(b.sellTotal());
            assertThat(a.buyTotal()).isEqualByComparingTo(b.buyTotal());
            assertThat(a.licenseReference()).isEqualTo(b.licenseReference()).startsWith("XSP");
            assertThat(a.reportPeriod()).isEqualTo(CLOSED_MONTH);
            assertThat(a.validationDate()).isNotNull();
            assertThat(a.currency()).isEqualTo(b.currency()).isNotNull();
            assertThat(b.statementReference()).isNotNull();
            assertThat(a.statementReference()).isNull();
        }
    }

    @Test
    void exportDatesComeInTheFormatTheClientAsksFor() {
        ExportPage page = client.exportPage(ExportQuery.forPeriod(ExportTemplates.MSP_REFERENCE, CLOSED_MONTH), 1);
        List<ExportRow> validated = page.rows().stream()
                .filter(row -> !row.cell("Validation Date").isEmpty())
                .toList();
        assertThat(validated).isNotEmpty();
        for (ExportRow row : validated) {
            String cell = row.cell("Validation Date");
            assertThat(cell).matches("\\d{2}-\\d{2}-\\d{4}");
            assertThat(row.billingLine().line().validationDate())
                    .isEqualTo(LocalDate.parse(cell, DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        }
    }

    @Test
    void exportFiltersNarrowTheLines() {
        Customer customer = client.customers().get(1);
        ExportQuery query = ExportQuery.forPeriod(ExportTemplates.ALT_REFERENCE, CLOSED_MONTH)
                .withCustomerXspRefs(List.of(customer.reference()));
        assertThat(lines(client.exportPage(query, 1)))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.customerReference()).isEqualTo(customer.ref()));
    }

    @Test
    void streamsAMultiPageExportPageByPage() {
        emulator.preset("{\"preset\":\"scale\",\"customers\":25,\"licensesPerCustomer\":10,\"linesPerLicense\":10,"
                + "\"clock\":\"" + TestClock.now() + "\"}");
        List<Integer> pages = new ArrayList<>();
        long[] rows = {0};
        client.forEachExportPage(ExportQuery.forPeriod(ExportTemplates.MSP_REFERENCE, CLOSED_MONTH), page -> {
            pages.add(page.page());
            rows[0] += page.rows().size();
            assertThat(page.totalPages()).isEqualTo(3);
            page.rows().forEach(row -> assertThat(row.billingLine().isValid()).isTrue());
        });
        assertThat(pages).containsExactly(1, 2, 3);
        assertThat(rows[0]).isEqualTo(2500);
        assertThat(emulator.requests("exports")).isEqualTo(3);
    }

    @Test
    void anExportRangeArrowRefusesIsRejectedWithoutRetry() {
        ExportQuery tooLong = new ExportQuery(
                ExportTemplates.MSP_REFERENCE, CLOSED_MONTH.minusMonths(8), CLOSED_MONTH, null, null, null);
        assertThatThrownBy(() -> client.exportPage(tooLong, 1))
                .isInstanceOf(ArrowRejected.class)
                .hasMessage("Arrow API billing/erp/exports/sync returned HTTP 400");
        assertThat(emulator.requests("exports")).isEqualTo(1);
    }

    private static List<BillingLine> lines(ExportPage page) {
        return page.rows().stream()
                .map(ExportRow::billingLine)
                .peek(r -> assertThat(r.problem()).isNull())
                .map(BillingLineResult::line)
                .toList();
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
