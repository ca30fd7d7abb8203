package org.arrowsync.margins;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Re-pricing a month already billed, on the demo preset's closed month through the emulator: a rule alone changes
 * nothing; the preview is what confirming books; corrections land as reconciliation's do and never on a closed invoice;
 * a second run, a re-sync and the next consumption run book nothing more; bad requests write nothing.
 */
class RepricingIntegrationTests extends IntegrationTest {

    static final String REPRICE = "/api/admin/arrow/price-rules/reprice/";
    static final YearMonth MONTH = TestClock.closedMonth();
    static final String CONTOSO = "XSP700001";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvoiceService invoices;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;
    Map<String, String> customers;

    @BeforeEach
    void billedTheMonth() {
        settings = fixture.settings();
        customers = fixture.mapAllCustomers();
        fixture.syncedResources(MONTH);
        fixture.succeeded("trigger_consumption_sync", MONTH);
        fixture.succeeded("trigger_sync", MONTH);
    }

    @Test
    void thePreviewIsWhatConfirmingBooksAndASecondRunBooksNothing() {
        String contoso = customers.get(CONTOSO);
        String closed = invoiceOf(contoso, MONTH).get("uuid").asString();
        api.post("/api/invoices/" + closed + "/set_state/", Map.of("state", "created"))
                .expect(200);
        JsonNode closedBefore =
                api.get("/api/invoices/" + closed + "/").expect(200).json();
        Map<String, BigDecimal> before = billedPerCustomer();
        int itemsBefore = items();

        rules();
        assertThat(billedPerCustomer()).as("a rule alone changes no invoice").isEqualTo(before);

        JsonNode preview = api.post(REPRICE, Map.of("period", MONTH.toString(), "settings_uuid", settings))
                .expect(200)
                .json();
        assertThat(items()).as("a preview writes nothing").isEqualTo(itemsBefore);
        assertThat(preview.get("dry_run").asBoolean()).isTrue();
        assertThat(preview.get("period").asString()).isEqualTo(MONTH.toString());
        Map<String, BigDecimal> underRules = expectedPerCustomer();
        Map<String, JsonNode> previewed = byCustomer(preview);
        assertThat(previewed.keySet()).containsExactlyInAnyOrderElementsOf(customers.values());
        for (Map.Entry<String, JsonNode> entry : previewed.entrySet()) {
            JsonNode customer = entry.getValue();
            assertThat(decimal(customer, "billed_now")).isEqualByComparingTo(before.get(entry.getKey()));
            assertThat(decimal(customer, "billed_under_rules"))
                    .as("each line's price under the rules, rounded")
                    .isEqualByComparingTo(underRules.get(entry.getKey()));
            assertThat(decimal(customer, "difference"))
                    .isEqualByComparingTo(
                            decimal(customer, "billed_under_rules").subtract(decimal(customer, "billed_now")));
            assertThat(customer.get("compensations").asInt()).isPositive();
        }

        JsonNode job = fixture.awaitJob(
                api.post(REPRICE, Map.of("period", MONTH.toString(), "settings_uuid", settings, "confirm", true)));
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("kind").asString()).isEqualTo("reprice");
        JsonNode result = job.get("result");
        assertThat(result.get("dry_run").asBoolean()).isFalse();
        assertThat(result.get("customers")).isEqualTo(preview.get("customers"));
        assertThat(job.get("progress").get("compensations").asInt())
                .isEqualTo(preview.get("compensations").asInt());
        Map<String, BigDecimal> booked = repricedPerCustomer();
        previewed.forEach((customer, figures) -> assertThat(booked.get(customer))
                .as("booked for %s", customer)
                .isEqualByComparingTo(decimal(figures, "difference")));
        assertThat(items()).isEqualTo(itemsBefore + preview.get("compensations").asInt());
        assertThat(syncsBilledOtherwiseThanTheirLines())
                .as("the month page's kept totals follow the corrections")
                .isZero();

        JsonNode closedAfter =
                api.get("/api/invoices/" + closed + "/").expect(200).json();
        assertThat(closedAfter.get("items"))
                .as("a closed invoice never changes")
                .isEqualTo(closedBefore.get("items"));
        assertThat(closedAfter.get("total")).isEqualTo(closedBefore.get("total"));
        YearMonth now = TestClock.currentMonth();
        assertThat(repricedOn(contoso)).as("Contoso's corrections").containsOnly(now.toString());
        String open = customers.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(CONTOSO))
                .findFirst()
                .orElseThrow()
                .getValue();
        assertThat(repricedOn(open))
                .as("an open month takes its own corrections")
                .containsOnly(MONTH.toString());

        Map<String, BigDecimal> repriced = billedPerCustomer();
        JsonNode again = api.post(REPRICE, Map.of("period", MONTH.toString(), "settings_uuid", settings))
                .expect(200)
                .json();
        assertThat(again.get("compensations").asInt()).isZero();
        byCustomer(again).forEach((customer, figures) -> {
            assertThat(decimal(figures, "difference")).isZero();
            assertThat(decimal(figures, "billed_now")).isEqualByComparingTo(repriced.get(customer));
        });
        JsonNode second = fixture.awaitJob(
                api.post(REPRICE, Map.of("period", MONTH.toString(), "settings_uuid", settings, "confirm", true)));
        assertThat(second.get("result").get("compensations").asInt()).isZero();
        assertThat(billedPerCustomer()).isEqualTo(repriced);

        Map<String, BigDecimal> billed = billedPerCustomer();
        fixture.succeeded("trigger_sync", MONTH);
        fixture.succeeded("trigger_consumption_sync", MONTH);
        assertThat(billedPerCustomer())
                .as("a re-sync and the next consumption run keep the corrections: nothing is billed twice")
                .isEqualTo(billed);
        assertThat(api.post(REPRICE, Map.of("period", MONTH.toString(), "settings_uuid", settings))
                        .expect(200)
                        .json()
                        .get("compensations")
                        .asInt())
                .isZero();
    }

    @Test
    void oneCustomerIsRepricedAloneWhenNamed() {
        rules();
        String contoso = customers.get(CONTOSO);
        Map<String, BigDecimal> before = chargedPerCustomer();
        JsonNode preview = api.post(
                        REPRICE,
                        Map.of("period", MONTH.toString(), "settings_uuid", settings, "customer_uuid", contoso))
                .expect(200)
                .json();
        assertThat(byCustomer(preview).keySet()).containsExactly(contoso);
        JsonNode job = fixture.awaitJob(api.post(
                REPRICE,
                Map.of(
                        "period",
                        MONTH.toString(),
                        "settings_uuid",
                        settings,
                        "customer_uuid",
                        contoso,
                        "confirm",
                        true)));
        assertThat(job.get("parameters").get("customer_uuid").asString()).isEqualTo(contoso);
        Map<String, BigDecimal> after = chargedPerCustomer();
        before.forEach((customer, charged) -> {
            if (!customer.equals(contoso)) {
                assertThat(after.get(customer)).isEqualByComparingTo(charged);
            }
        });
        assertThat(after.get(contoso)).isNotEqualByComparingTo(before.get(contoso));
    }

    /**
     * A customer's corrections in two currencies go to an invoice not opened yet: the first booked sets its currency
     * and the others are refused (D9), which the preview says as the run then does.
     */
    @Test
    void thePreviewRefusesACorrectionInASecondCurrencyAsTheRunDoes() {
        String contoso = customers.get(CONTOSO);
        String license =
                fixture.licenseOf(fixture.lineReferences(CONTOSO, "invoice").get(0));
        fixture.emulator().billCustomerIn(CONTOSO, "USD");
        fixture.emulator().addLine(license, MONTH, "100.00000", "80.00000");
        fixture.succeeded("trigger_sync", MONTH);
        fixture.closeInvoice(contoso, MONTH);
        rules();

        Map<String, Object> contosos =
                Map.of("period", MONTH.toString(), "settings_uuid", settings, "customer_uuid", contoso);
        JsonNode preview = api.post(REPRICE, contosos).expect(200).json();
        Map<String, Object> confirmed = new HashMap<>(contosos);
        confirmed.put("confirm", true);
        JsonNode job = fixture.awaitJob(api.post(REPRICE, confirmed));

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        JsonNode result = job.get("result");
        assertThat(result.get("corrections_refused").asInt())
                .as("one of the two currencies is refused")
                .isPositive();
        assertThat(result.get("compensations").asInt()).isPositive();
        assertThat(preview.get("corrections_refused").asInt())
                .isEqualTo(result.get("corrections_refused").asInt());
        assertThat(preview.get("compensations").asInt())
                .isEqualTo(result.get("compensations").asInt());
        assertThat(preview.get("customers")).isEqualTo(result.get("customers"));
    }

    @Test
    void aCustomerWithoutAnOpenInvoiceIsLeftOutAndTheOthersAreRepriced() {
        rules();
        String contoso = customers.get(CONTOSO);
        fixture.closeInvoice(contoso, MONTH);
        invoices.invoiceFor(Uuids.fromPath(contoso), TestClock.currentMonth());
        fixture.closeInvoice(contoso, TestClock.currentMonth());
        Map<String, BigDecimal> before = chargedPerCustomer();
        JsonNode preview = api.post(REPRICE, Map.of("period", MONTH.toString(), "settings_uuid", settings))
                .expect(200)
                .json();

        JsonNode job = fixture.awaitJob(
                api.post(REPRICE, Map.of("period", MONTH.toString(), "settings_uuid", settings, "confirm", true)));

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        int refused = job.get("progress").get("corrections_refused").asInt();
        assertThat(refused).isPositive();
        assertThat(job.get("errors").toString()).contains("(D94)");
        Map<String, BigDecimal> after = chargedPerCustomer();
        assertThat(after.get(contoso)).isEqualByComparingTo(before.get(contoso));
        JsonNode result = job.get("result");
        assertThat(result.get("compensations").asInt())
                .as("the result counts what was booked")
                .isEqualTo(job.get("progress").get("compensations").asInt());
        assertThat(result.get("corrections_refused").asInt()).isEqualTo(refused);
        JsonNode leftOut = byCustomer(result).get(contoso);
        assertThat(leftOut.get("compensations").asInt()).isZero();
        assertThat(decimal(leftOut, "difference")).isZero();
        assertThat(decimal(leftOut, "difference_refused")).isNotZero();
        assertThat(leftOut.get("corrections_refused").asInt()).isEqualTo(refused);
        assertThat(byCustomer(preview).get(contoso))
                .as("the preview says what confirming books and refuses")
                .isEqualTo(leftOut);
        assertThat(preview.get("corrections_refused").asInt()).isEqualTo(refused);
        assertThat(preview.get("compensations").asInt())
                .isEqualTo(result.get("compensations").asInt());
        assertThat(after.entrySet())
                .as("the other customers' corrections are booked")
                .anySatisfy(entry -> assertThat(entry.getValue()).isNotEqualByComparingTo(before.get(entry.getKey())));
    }

    @Test
    void badRequestsAreRefusedAndWriteNothing() {
        rules();
        int items = items();
        int jobs = repriceJobs();
        assertThat(api.post(REPRICE, Map.of("confirm", true))
                        .expect(400)
                        .json()
                        .get("period")
                        .get(0)
                        .asString())
                .isEqualTo("This field is required.");
        assertThat(api.post(REPRICE, Map.of("period", "2026-13", "confirm", true))
                        .expect(400)
                        .json()
                        .get("period")
                        .get(0)
                        .asString())
                .startsWith("Invalid period format");
        YearMonth next = TestClock.currentMonth().plusMonths(1);
        assertThat(api.post(REPRICE, Map.of("period", next.toString(), "settings_uuid", settings, "confirm", true))
                        .expect(400)
                        .json()
                        .get("period")
                        .get(0)
                        .asString())
                .isEqualTo("The period " + next + " has not started yet.");
        assertThat(api.post(REPRICE, Map.of("period", MONTH.toString(), "settings_uuid", "nonsense"))
                        .expect(400)
                        .json()
                        .get("settings_uuid")
                        .get(0)
                        .asString())
                .isEqualTo("Must be a valid UUID.");
        String nobody = "0123456789abcdef0123456789abcdef";
        assertThat(api.post(REPRICE, Map.of("period", MONTH.toString(), "settings_uuid", nobody, "confirm", true))
                        .expect(404)
                        .text("error"))
                .isEqualTo("Settings not found: " + nobody);
        assertThat(api.post(
                                REPRICE,
                                Map.of(
                                        "period",
                                        MONTH.toString(),
                                        "settings_uuid",
                                        settings,
                                        "customer_uuid",
                                        nobody,
                                        "confirm",
                                        true))
                        .expect(404)
                        .text("error"))
                .isEqualTo("Customer " + nobody + " not found");
        api.post(REPRICE, "{\"period\": ").expect(400);
        String user = fixture.userToken();
        api.as(user)
                .post(REPRICE, Map.of("period", MONTH.toString(), "settings_uuid", settings, "confirm", true))
                .expect(403);
        assertThat(items()).isEqualTo(items);
        assertThat(repriceJobs()).isEqualTo(jobs);
    }

    /**
     * D169: a markup worth under a cent on each of a customer's lines corrects, by whole cents, the lines whose rounded
     * price it moves, and those alone: each line ends up billed its price under the rules rounded, as a line billed
     * under them from the start would be; the preview says so and confirming books it.
     */
    @Test
    void aMarkupWorthUnderACentALineCorrectsTheLinesWhoseRoundedPriceItMoves() {
        String contoso = customers.get(CONTOSO);
        // Arrow's sell amount and what was billed, of each of Contoso's lines and consumption-billed license-months
        List<BigDecimal[]> billed = jdbc.sql("""
                        select t.sell, t.invoiced + t.compensated as billed from billing_sync_items t
                        join invoice_items it on it.id = t.invoice_item_id join invoices i on i.id = it.invoice_id
                        join customers c on c.id = i.customer_id where c.uuid = ?::uuid
                        union all
                        select coalesce(cr.final_sell, cr.consumed_sell), it.unit_price * it.quantity + cr.compensated
                        from consumption_records cr join invoice_items it on it.id = cr.invoice_item_id
                        join invoices i on i.id = it.invoice_id join customers c on c.id = i.customer_id
                        where c.uuid = ?::uuid and cr.billing_period = ?""")
                .params(contoso, contoso, MONTH.atDay(1))
                .query((rs, row) -> new BigDecimal[] {rs.getBigDecimal("sell"), rs.getBigDecimal("billed")})
                .list();
        // the largest markup (in the rules' four decimals) worth under a cent on each of them
        BigDecimal markup = BigDecimal.ONE
                .divide(
                        billed.stream()
                                .map(line -> line[0])
                                .max(BigDecimal::compareTo)
                                .orElseThrow(),
                        4,
                        RoundingMode.DOWN)
                .subtract(new BigDecimal("0.0001"));
        BigDecimal factor = BigDecimal.ONE.add(markup.movePointLeft(2));
        List<BigDecimal> moves = billed.stream()
                .map(line -> cents(line[0].multiply(factor)).subtract(cents(line[1])))
                .filter(move -> move.signum() != 0)
                .toList();
        assertThat(moves).as("some lines' rounded prices move").isNotEmpty();
        rule(Map.of(
                "customer_mapping",
                fixture.mapping(CONTOSO),
                "base",
                "sell",
                "markup_percent",
                markup.toPlainString()));

        JsonNode preview = api.post(REPRICE, Map.of("period", MONTH.toString(), "settings_uuid", settings))
                .expect(200)
                .json();
        JsonNode previewed = byCustomer(preview).get(contoso);
        assertThat(decimal(previewed, "difference"))
                .isEqualByComparingTo(moves.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(previewed.get("compensations").asInt()).isEqualTo(moves.size());
        int itemsBefore = items();

        JsonNode job = fixture.awaitJob(
                api.post(REPRICE, Map.of("period", MONTH.toString(), "settings_uuid", settings, "confirm", true)));

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(repricedPerCustomer().get(contoso)).isEqualByComparingTo(decimal(previewed, "difference"));
        assertThat(items())
                .as("the preview counts the items confirming books")
                .isEqualTo(itemsBefore + preview.get("compensations").asInt());
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Contoso pays buy + 10 %; everyone's Microsoft is sold 5 % under list. */
    private void rules() {
        fixture.markupRule(CONTOSO, MONTH.minusMonths(9), "10");
        rule(Map.of("arrow_vendor_name", "Microsoft", "base", "sell", "markup_percent", "-5"));
    }

    /** What each customer's invoices would bill for the month under the rules, as {@code exportAsBilled} rounds. */
    private Map<String, BigDecimal> expectedPerCustomer() {
        Map<String, BigDecimal> expected = new HashMap<>();
        customers.forEach((reference, customer) ->
                expected.put(customer, fixture.exportAsBilled(MONTH, reference, RepricingIntegrationTests::price)));
        return expected;
    }

    private static BigDecimal price(BillingLine line) {
        if (("XSP" + line.customerReference()).equals(CONTOSO)) {
            return line.buyTotal().multiply(new BigDecimal("1.10"));
        }
        if (line.vendor().equals("Microsoft")) {
            return line.sellTotal().multiply(new BigDecimal("0.95"));
        }
        return line.sellTotal();
    }

    private void rule(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(
                Map.of("settings", settings, "valid_from", MONTH.minusMonths(9).toString()));
        body.putAll(fields);
        api.post("/api/admin/arrow/price-rules/", body).expect(201);
    }

    private JsonNode invoiceOf(String customer, YearMonth month) {
        return api.get("/api/invoices/?customer_uuid=" + customer + "&year=" + month.getYear() + "&month="
                        + month.getMonthValue())
                .expect(200)
                .json()
                .get(0);
    }

    private static Map<String, JsonNode> byCustomer(JsonNode outcome) {
        Map<String, JsonNode> customers = new HashMap<>();
        outcome.get("customers")
                .forEach(customer -> customers.put(customer.get("customer_uuid").asString(), customer));
        return customers;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }

    /** What each customer of these settings is charged for the month: every Arrow-sourced item billing it. */
    private Map<String, BigDecimal> chargedPerCustomer() {
        Map<String, BigDecimal> charged = new HashMap<>();
        for (String customer : customers.values()) {
            charged.put(customer, sum(customer, "arrow%", "%"));
        }
        return charged;
    }

    /** What each customer's invoices bill for the month from Arrow, each item rounded to the cent. */
    private Map<String, BigDecimal> billedPerCustomer() {
        Map<String, BigDecimal> billed = new HashMap<>();
        customers.values().forEach(customer -> billed.put(customer, fixture.arrowChargesAsBilled(customer, MONTH)));
        return billed;
    }

    private Map<String, BigDecimal> repricedPerCustomer() {
        Map<String, BigDecimal> repriced = new HashMap<>();
        for (String customer : customers.values()) {
            repriced.put(customer, sum(customer, "arrow_reconciliation", "repriced"));
        }
        return repriced;
    }

    private BigDecimal sum(String customer, String source, String reason) {
        return jdbc.sql("""
                        select coalesce(sum(it.unit_price * it.quantity), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customers c on c.id = i.customer_id
                        where c.uuid = ?::uuid and it.start_date = ? and it.details ->> 'source' like ?
                          and coalesce(it.details ->> 'reason', '') like ?""")
                .params(customer, MONTH.atDay(1), source, reason)
                .query(BigDecimal.class)
                .single()
                .stripTrailingZeros();
    }

    /** The months of the invoices a customer's re-pricing corrections are on. */
    private List<String> repricedOn(String customer) {
        return jdbc.sql("""
                        select distinct i.year || '-' || lpad(i.month::text, 2, '0') from invoice_items it
                        join invoices i on i.id = it.invoice_id join customers c on c.id = i.customer_id
                        where c.uuid = ?::uuid and it.details ->> 'reason' = 'repriced'""").param(customer).query(String.class).list();
    }

    private int syncsBilledOtherwiseThanTheirLines() {
        return jdbc.sql("""
                        select count(*) from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and b.billed <> (select coalesce(sum(round(t.invoiced, 2) + t.compensated), 0)
                                                               from billing_sync_items t
                                                               where t.billing_sync_id = b.id and t.billed_via <> 'consumption')""").param(settings).query(Integer.class).single();
    }

    private int items() {
        return jdbc.sql("select count(*) from invoice_items")
                .query(Integer.class)
                .single();
    }

    private int repriceJobs() {
        return jdbc.sql("select count(*) from arrow_jobs where kind = 'reprice'")
                .query(Integer.class)
                .single();
    }
}
