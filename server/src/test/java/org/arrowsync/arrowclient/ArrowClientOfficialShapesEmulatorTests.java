package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client against the strict emulator, one test per way the API answers as its official clients show it and a client
 * written from notes would misread it (the places to send parameters, the real key spellings and envelopes, and each
 * irregularity the official fixtures carry).
 */
class ArrowClientOfficialShapesEmulatorTests {

    private static final YearMonth CLOSED_MONTH = TestClock.closedMonth();
    private static final YearMonth CURRENT = TestClock.currentMonth();

    @RegisterExtension
    static final Emulator emulator = new Emulator();

    private final ArrowClient client = emulator.client(ClientSettings.fast());

    private void fault(String family, String kind) {
        emulator.fault("{\"family\":\"" + family + "\",\"kind\":\"" + kind + "\",\"count\":1}");
    }

    private void scale() {
        emulator.preset("{\"preset\":\"scale\",\"customers\":25,\"licensesPerCustomer\":10,\"linesPerLicense\":10,"
                + "\"clock\":\"" + TestClock.now() + "\"}");
    }

    @Test
    void exportPagesReachAnApiThatReadsThePageFromTheQueryAndEachPageIsNew() {
        scale();
        Set<String> sequences = new HashSet<>();
        long[] rows = {0};
        client.forEachExportPage(ExportQuery.forPeriod(ExportTemplates.ALT_REFERENCE, CLOSED_MONTH), page -> {
            page.rows().forEach(row -> sequences.add(row.cell("Sequence")));
            rows[0] += page.rows().size();
        });
        assertThat(rows[0]).isEqualTo(2500);
        assertThat(sequences).hasSize(2500);
    }

    /**
     * D280: an export paged by fewer rows than Arrow's largest page, its answers without a pagination, is read to its
     * empty page: a short page of an unknown size ends nothing.
     */
    @Test
    void anExportPagedWithoutAPaginationIsReadToItsEmptyPage() {
        scale();
        List<Integer> sizes = new ArrayList<>();
        Set<String> sequences = new HashSet<>();
        try {
            emulator.fault("{\"family\":\"exports\",\"kind\":\"unstated_pages\",\"probability\":1.0}");
            client.forEachExportPage(ExportQuery.forPeriod(ExportTemplates.ALT_REFERENCE, CLOSED_MONTH), page -> {
                page.rows().forEach(row -> sequences.add(row.cell("Sequence")));
                sizes.add(page.rows().size());
            });
        } finally {
            emulator.clearFaults();
        }
        assertThat(sizes).hasSize(25).containsOnly(100);
        assertThat(sequences).hasSize(2500);
    }

    /** D280: an API that pages nothing, and says nothing of pages, answers page 2 as page 1: page 1 was the export. */
    @Test
    void anExportOfAnApiThatPagesNothingIsItsFirstPage() {
        ExportQuery query = ExportQuery.forPeriod(ExportTemplates.ALT_REFERENCE, CLOSED_MONTH);
        List<Integer> paged = new ArrayList<>();
        client.forEachExportPage(query, page -> paged.add(page.rows().size()));
        List<Integer> sizes = new ArrayList<>();
        try {
            emulator.fault("{\"family\":\"exports\",\"kind\":\"unpaged\",\"probability\":1.0}");
            client.forEachExportPage(query, page -> sizes.add(page.rows().size()));
        } finally {
            emulator.clearFaults();
        }
        assertThat(paged).hasSize(1).allSatisfy(rows -> assertThat(rows).isPositive());
        assertThat(sizes).isEqualTo(paged);
    }

    @Test
    void anExportPageThatRepeatsPageOneIsRefused() {
        scale();
        ExportQuery query = ExportQuery.forPeriod(ExportTemplates.ALT_REFERENCE, CLOSED_MONTH);
        assertThatThrownBy(() -> client.forEachExportPage(query, page -> {
                    if (page.page() == 1) {
                        fault("exports", "ignore_parameters");
                    }
                }))
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessage("Arrow API billing/erp/exports/sync answered page 2 with the rows of page 1: it read the"
                        + " page number neither from the query nor from the body");
    }

    @Test
    void endUserCompanyIdHoldsTheCustomersRefNotItsXspReference() {
        Map<String, Customer> byName =
                client.customers().stream().collect(Collectors.toMap(Customer::companyName, Function.identity()));
        List<BillingLine> lines =
                lines(client.exportPage(ExportQuery.forPeriod(ExportTemplates.MSP_REFERENCE, CLOSED_MONTH), 1));
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            Customer customer = byName.get(line.companyName());
            assertThat(line.customerReference()).isEqualTo(customer.ref()).isNotEqualTo(customer.reference());
            assertThat(BillingLine.isXspReference(line.customerReference())).isFalse();
        });
    }

    @Test
    void consumptionWithNullCellsAndSurplusCellsIsReadAndItsLinesNoted() {
        String license = "XSP4000001";
        ConsumptionReport clean = client.monthlyConsumption(license, CLOSED_MONTH, CLOSED_MONTH);
        assertThat(clean.lines()).hasSizeGreaterThan(1);
        assertThat(clean.notes()).isEmpty();

        fault("consumption", "null_cells");
        ConsumptionReport nulls = client.monthlyConsumption(license, CLOSED_MONTH, CLOSED_MONTH);
        assertThat(nulls.lines()).hasSameSizeAs(clean.lines());
        assertThat(nulls.sellTotal())
                .isEqualByComparingTo(
                        clean.sellTotal().subtract(clean.lines().get(0).sellTotal()));

        fault("consumption", "extra_cells");
        ConsumptionReport extra = client.monthlyConsumption(license, CLOSED_MONTH, CLOSED_MONTH);
        assertThat(extra.sellTotal()).isEqualByComparingTo(clean.sellTotal());
        assertThat(extra.notes())
                .hasSameSizeAs(clean.lines())
                .allSatisfy(note -> assertThat(note).endsWith("cells for 16 headers, the surplus ignored"));
    }

    @Test
    void consumptionOfAnotherMonthThanAskedIsRefused() {
        String license = "XSP4000001";
        fault("consumption", "ignore_parameters");
        assertThatThrownBy(() -> client.monthlyConsumption(license, CLOSED_MONTH, CLOSED_MONTH))
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessageEndingWith("returned consumption of " + CURRENT + " when asked for " + CLOSED_MONTH);
    }

    @Test
    void whatWasConsumedSoFarComesFromThePredictionsConsumedFigures() {
        ConsumptionPrediction prediction = client.consumptionPrediction("XSP4000001");
        assertThat(prediction.reportPeriod()).isEqualTo(CURRENT);
        assertThat(prediction.sellTotal()).isPositive();
        assertThat(emulator.requests("consumption", "200")).isEqualTo(1);
        assertThat(emulator.requests("licenses"))
                .as("the daily forecast is not asked")
                .isZero();

        ConsumptionPrediction seats = client.consumptionPrediction("XSP4000004");
        assertThat(seats.sellTotal()).as("a license without consumption").isZero();
    }

    @Test
    void aCustomersLicensesAreFoundThroughTheFindEndpointWhosePageZeroIsNoError() {
        fault("licenses", "page_zero");
        assertThat(client.licenses("XSP700002")).hasSize(6).allSatisfy(license -> {
            assertThat(license.reference()).startsWith("XSP");
            assertThat(license.customerReference()).isEqualTo("XSP700002");
            assertThat(license.vendorSubscriptionId()).isNotBlank();
            assertThat(license.friendlyName()).isNotBlank();
        });
        assertThat(emulator.requests("licenses", "200")).isEqualTo(1);
        fault("licenses", "page_zero");
        assertThat(client.licenses())
                .hasSize(30)
                .extracting(License::customerReference)
                .containsOnly("XSP700001", "XSP700002", "XSP700003", "XSP700004", "XSP700005");
    }

    @Test
    void statementsWithoutStatusSayNothing() {
        fault("statements", "missing_status");
        assertThat(client.statements(StatementQuery.forPeriod(CLOSED_MONTH)))
                .hasSize(10)
                .allSatisfy(statement -> assertThat(statement.state()).isEqualTo(StatementState.NONE));
        assertThat(client.statements(StatementQuery.forPeriod(CLOSED_MONTH)))
                .allSatisfy(statement -> assertThat(statement.state()).isEqualTo(StatementState.FULFILLED));
    }

    @Test
    void whoamiWithoutStatusIsASuccess() {
        fault("whoami", "missing_status");
        assertThat(client.whoami().reference()).startsWith("XSP");
    }

    @Test
    void statementsComeOnePerProgramWithDateTimesAndNumbersAThousandAPage() {
        List<Statement> all = client.statements(new StatementQuery(null, null));
        assertThat(all).hasSize(13 * 5 * 2);
        assertThat(emulator.requests("statements")).isEqualTo(1);
        Statement first = all.stream()
                .filter(s -> s.reportPeriod().equals(CLOSED_MONTH))
                .findFirst()
                .orElseThrow();
        List<Statement> ofCustomer = all.stream()
                .filter(s -> s.reportPeriod().equals(CLOSED_MONTH)
                        && s.customerReference().equals(first.customerReference()))
                .toList();
        assertThat(ofCustomer).extracting(Statement::programCode).containsExactly("MSCSP", "ARWS-MSS");
        for (Statement statement : ofCustomer) {
            List<StatementLine> lines = client.statementLines(statement.reference());
            assertThat(lines)
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line.billingPeriodStart()).isEqualTo(CLOSED_MONTH.atDay(1)));
            assertThat(lines.stream().map(StatementLine::sellTotal).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(statement.sellTotal());
            assertThat(statement.validationDate()).isNotNull();
        }
    }

    @Test
    void theProductIsTheOfferNameAndExportTypesComeAsAMap() {
        List<ExportType> types = client.exportTypes();
        assertThat(types)
                .extracting(ExportType::reference)
                .containsExactly(
                        ExportTemplates.MSP_REFERENCE,
                        ExportTemplates.ALT_REFERENCE,
                        "THIN-no-line-references",
                        "BYNAME-no-company-id",
                        "LINES-no-customer-columns",
                        "STD-no-license-column",
                        "STD-no-currency-column",
                        "MSP-no-sequence");
        assertThat(types.get(0).name()).isEqualTo("MSP (Extended)");
        ExportPage page = client.exportPage(ExportQuery.forPeriod(ExportTemplates.MSP_REFERENCE, CLOSED_MONTH), 1);
        for (ExportRow row : page.rows()) {
            assertThat(row.billingLine().line().product())
                    .isEqualTo(row.cell("Offer Name"))
                    .isNotEqualTo(row.cell("Friendly Name"));
        }
    }

    @Test
    void vendorNamesAreReadFromEveryPageOfPrograms() {
        assertThat(client.vendorNames("IAAS")).containsExactly("Amazon Web Services", "Microsoft");
        assertThat(emulator.requests("catalog")).isEqualTo(1);
    }

    private static List<BillingLine> lines(ExportPage page) {
        List<BillingLine> lines = new ArrayList<>();
        page.rows().forEach(row -> lines.add(row.billingLine().line()));
        return lines;
    }
}
