package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.ledger.Invoice;
import org.arrowsync.ledger.InvoiceItemDraft;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The sync rules beyond the reference: D1 quantities, D5 re-sync before validation, D9 currencies, D13 and D24
 * matching, D33 zero-amount lines.
 */
class BillingRulesIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvoiceService invoices;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;

    @BeforeEach
    void settings() {
        fixture.arrowStillValidates(MONTH);
        settings = fixture.settings();
    }

    @Test
    void quantitiesNeverMultiplyTheLineTotal() {
        fixture.mapAllCustomers();
        sync();
        List<Map<String, Object>> rows = jdbc.sql("""
                        select t.sell, t.quantity as line_quantity, it.unit_price, it.quantity from billing_sync_items t
                        join invoice_items it on it.id = t.invoice_item_id join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid""").param(settings).query().listOfRows();
        assertThat(rows).isNotEmpty();
        assertThat(rows).anyMatch(row -> ((BigDecimal) row.get("line_quantity")).compareTo(BigDecimal.ONE) > 0);
        for (Map<String, Object> row : rows) {
            BigDecimal billed = ((BigDecimal) row.get("unit_price")).multiply((BigDecimal) row.get("quantity"));
            assertThat(billed).isEqualByComparingTo((BigDecimal) row.get("sell"));
        }
    }

    @Test
    void aCustomerWithoutAnOpenInvoiceHasItsNewLinesRefusedAndTheOthersGoOn() {
        Map<String, String> customers = fixture.mapAllCustomers();
        List<BillingLine> lines = fixture.emulator().exportLines(MONTH);
        String late = lines.get(0).lineReference();
        String closedRef = api.get("/api/admin/arrow/customer-mappings/?settings_uuid=" + settings)
                .expect(200)
                .json()
                .valueStream()
                .filter(mapping -> mapping.get("arrow_company_name")
                        .asString()
                        .equals(lines.get(0).companyName()))
                .findFirst()
                .orElseThrow()
                .get("arrow_reference")
                .asString();
        fixture.emulator().garble(late, true);
        sync();
        String closed = customers.get(closedRef);
        fixture.closeInvoice(closed, MONTH);
        invoices.openInvoiceFor(Uuids.fromPath(closed), MONTH);
        fixture.closeInvoice(closed, TestClock.currentMonth());
        String otherRef = customers.keySet().stream()
                .filter(ref -> !ref.equals(closedRef))
                .findFirst()
                .orElseThrow();
        String other = invoicedLines(otherRef).get(0);

        fixture.emulator().garble(late, false);
        fixture.emulator().changeSell(other, "12.34000");
        JsonNode job = sync();

        assertThat(job.get("progress").get("invoice_errors").asInt()).isEqualTo(1);
        assertThat(job.get("errors").toString()).contains(late).contains("is not invoiced");
        assertThat(job.get("result").get("lines_rejected").asInt()).isEqualTo(1);
        assertThat(api.get("/api/admin/arrow/billing-syncs/?settings_uuid=" + settings + "&page_size=50")
                        .expect(200)
                        .json()
                        .findValuesAsString("error_message"))
                .as("the customer's sync says so too, after the job list moves on")
                .anySatisfy(message -> assertThat(message)
                        .contains("1 line was not invoiced, and a later sync tries again")
                        .contains(late));
        assertThat(invoiceItemPrice(other)).as("other customers' lines go on").isEqualByComparingTo("12.34");
        assertThat(invoicedLines(closedRef)).doesNotContain(late);
        assertThat(jdbc.sql(
                                "select count(*) from billing_sync_items where arrow_line_reference = ? and invoice_item_id is null and invoiced = 0")
                        .param(late)
                        .query(Long.class)
                        .single())
                .as("a line not invoiced is recorded billing nothing yet, for reconciliation once the month is final")
                .isEqualTo(1);
        assertThat(sync().get("progress").get("invoice_errors").asInt())
                .as("and every re-sync tries it again")
                .isEqualTo(1);
    }

    /**
     * A new line of a month whose invoice the operator canceled is not invoiced, and no later sync is promised (D163).
     */
    @Test
    void aNewLineOfACanceledMonthIsRefusedWithoutPromisingALaterSync() {
        Map<String, String> customers = fixture.mapAllCustomers();
        BillingLine first = fixture.emulator().exportLines(MONTH).get(0);
        String late = first.lineReference();
        String customer = customers.get("XSP" + first.customerReference());
        fixture.emulator().garble(late, true);
        sync();
        fixture.setInvoiceState(customer, MONTH, "canceled");

        fixture.emulator().garble(late, false);
        JsonNode job = sync();

        assertThat(job.get("progress").get("invoice_errors").asInt()).isEqualTo(1);
        assertThat(job.get("errors").toString()).contains(late).contains("was canceled");
        assertThat(api.get("/api/admin/arrow/billing-syncs/?settings_uuid=" + settings + "&page_size=50")
                        .expect(200)
                        .json()
                        .findValuesAsString("error_message"))
                .anySatisfy(message -> assertThat(message)
                        .contains("1 line was not invoiced: " + late)
                        .doesNotContain("later sync"));
    }

    /** The second mapping names the customer as Arrow writes it, in lower case, or by its bare Ref (D24). */
    @ParameterizedTest
    @ValueSource(strings = {"reference", "lower case", "Ref"})
    void anArrowCustomerMappedInTwoSettingsOfOneArrowAccountIsBilledOnce(String named) {
        fixture.activeSettings();
        Map<String, String> customers = fixture.mapAllCustomers();
        sync();
        String customerRef = customers.keySet().iterator().next();
        String secondReference = switch (named) {
            case "lower case" -> customerRef.toLowerCase(Locale.ROOT);
            case "Ref" -> customerRef.replaceFirst("^XSP", "");
            default -> customerRef;
        };
        BigDecimal billed = amount(customers.get(customerRef));
        String second = fixture.otherSettingsOfTheSameAccount(Map.of());
        mapIn(second, secondReference, customers.get(customerRef));
        Map<String, Object> body = fixture.period(MONTH, second);

        JsonNode job = fixture.run("trigger_sync", body);

        assertThat(job.get("progress").get("customers_billed_elsewhere").asInt())
                .isEqualTo(1);
        assertThat(job.get("errors").toString()).contains(secondReference).contains("(D98)");
        assertThat(amount(customers.get(customerRef)))
                .as("the second settings record bills none of its lines again")
                .isEqualByComparingTo(billed);
    }

    /**
     * The operator moves to a new settings record of the same Arrow account (the old one no longer active, its sync not
     * enabled): the new record goes on with the old one's syncs of the customer instead of billing their lines again,
     * and follows Arrow's changes to them (D123).
     */
    @Test
    void aNewRecordOfTheSameArrowAccountGoesOnWithTheOldOnesSyncsInsteadOfBillingThemAgain() {
        Moving moving = billedThenMappedInASecondRecord();
        api.patch("/api/admin/arrow/settings/" + moving.second() + "/", Map.of("is_active", true))
                .expect(200);

        secondRecordGoesOnWithTheSyncs(moving, "D123");

        fixture.emulator().changeSell(moving.line(), "12.34000");
        fixture.run("trigger_sync", moving.secondSync());
        assertThat(amount(moving.customer()))
                .as("Arrow's change followed by the new record")
                .isNotEqualByComparingTo(moving.billed())
                .isEqualByComparingTo(exportTotal(moving.customerRef()));
    }

    /**
     * The partner rotated its API key and the operator moved to a record with the new one: the same Arrow account,
     * known by its partner (D163), so the new record goes on with the old one's syncs as D123 has it.
     */
    @Test
    void aNewRecordWithTheAccountsRotatedKeyGoesOnWithTheOldOnesSyncs() {
        Moving moving =
                billedThenMappedInASecondRecord(() -> fixture.emulator().rotateKey("rotated-" + UUID.randomUUID()));
        api.patch("/api/admin/arrow/settings/" + moving.second() + "/", Map.of("is_active", true))
                .expect(200);

        secondRecordGoesOnWithTheSyncs(moving, "D123");
    }

    /**
     * The operator moves one customer to another record of the same Arrow account, both in use: it maps the customer
     * there and deactivates the customer's mapping here, as the 409 on deleting it advises. The other record goes on
     * with this one's syncs of the customer instead of billing their lines again, and this one bills it no more (D159).
     */
    @Test
    void aCustomerMovedToAnotherRecordInUseOfTheSameAccountGoesOnWithItsSyncsThere() {
        Moving moving = billedThenMappedInASecondRecord();
        unmappedHere(moving.customerRef());

        secondRecordGoesOnWithTheSyncs(moving, "D159");

        sync();
        assertThat(amount(moving.customer())).isEqualByComparingTo(moving.billed());
        fixture.emulator().changeSell(moving.line(), "12.34000");
        sync();
        assertThat(amount(moving.customer()))
                .as("this record follows the customer's lines no more")
                .isEqualByComparingTo(moving.billed());
        fixture.run("trigger_sync", moving.secondSync());
        assertThat(amount(moving.customer()))
                .as("Arrow's change followed by the other record")
                .isEqualByComparingTo(exportTotal(moving.customerRef()));
    }

    /**
     * D240: the customer moved to the second record had a price rule on its mapping here; the second record goes on
     * with its syncs at its prices, the rule copied to its mapping there, rather than re-pricing every open line
     * without it.
     */
    @Test
    void aCustomerMovedToAnotherRecordInUseKeepsItsPriceRules() {
        Marked marked = billedWithAMarkupThenMappedInASecondRecord();
        assertThat(marked.billed()).as("priced by the rule").isGreaterThan(exportTotal(marked.customerRef()));
        String second = marked.second();
        unmappedHere(marked.customerRef());
        Map<String, Object> body = fixture.period(MONTH, second);

        JsonNode job = fixture.run("trigger_sync", body);

        assertThat(job.get("progress").get("syncs_adopted").asInt())
                .as(job.toString())
                .isPositive();
        assertThat(job.get("errors").toString()).contains("with its 1 price rule(s) (D240)");
        assertThat(amount(marked.customer()))
                .as("billed at the customer's prices still")
                .isEqualByComparingTo(marked.billed());
        assertThat(api.get("/api/admin/arrow/price-rules/?settings_uuid=" + second)
                        .expect(200)
                        .json()
                        .findValuesAsString("markup_percent"))
                .containsExactly("50.0000");
        assertThat(fixture.run("trigger_sync", body).get("errors").toString())
                .as("copied once")
                .doesNotContain("D240");
    }

    /**
     * D250: the record the customer moves to has a rule for it already, from the month after (its next deal). The
     * customer's rule is copied for the months before that one and ends there: the month taken over is billed as
     * before, the later months at the record's own rule. Copying nothing lost the whole markup of the months moved.
     */
    @Test
    void aCustomerMovedToARecordWithALaterRuleForItKeepsItsPricesForTheMonthsMoved() {
        Marked marked = billedWithAMarkupThenMappedInASecondRecord();
        ruleOfTheSecondRecord(marked, MONTH.plusMonths(1), null);
        unmappedHere(marked.customerRef());

        JsonNode job = fixture.run("trigger_sync", fixture.period(MONTH, marked.second()));

        assertThat(job.get("errors").toString()).as(job.toString()).contains("with its 1 price rule(s) (D240)");
        assertThat(amount(marked.customer()))
                .as("the month taken over is billed at the customer's prices still")
                .isEqualByComparingTo(marked.billed());
        assertThat(rulesOf(marked.second()))
                .containsExactly(
                        "20.0000 " + MONTH.plusMonths(1) + "..", "50.0000 " + MONTH.minusMonths(1) + ".." + MONTH);
    }

    /**
     * D250: the record the customer moves to had a rule for it that ended before (the customer was billed there once):
     * the customer's rule is copied whole, as nothing of the record's own prices the months moved.
     */
    @Test
    void aCustomerMovedBackToARecordWhoseRuleForItEndedKeepsItsPricesForTheMonthsMoved() {
        Marked marked = billedWithAMarkupThenMappedInASecondRecord();
        ruleOfTheSecondRecord(marked, MONTH.minusMonths(6), MONTH.minusMonths(4));
        unmappedHere(marked.customerRef());

        fixture.run("trigger_sync", fixture.period(MONTH, marked.second()));

        assertThat(amount(marked.customer())).isEqualByComparingTo(marked.billed());
        assertThat(rulesOf(marked.second()))
                .containsExactly(
                        "20.0000 " + MONTH.minusMonths(6) + ".." + MONTH.minusMonths(4),
                        "50.0000 " + MONTH.minusMonths(1) + "..");
    }

    /** A 20 % markup on buy for the moved customer, in the second record, from {@code from} (to {@code to}). */
    private void ruleOfTheSecondRecord(Marked marked, YearMonth from, YearMonth to) {
        Map<String, Object> rule = new HashMap<>(Map.of(
                "settings", marked.second(),
                "customer_mapping", marked.secondMapping(),
                "base", "buy",
                "markup_percent", "20",
                "valid_from", from.toString()));
        if (to != null) {
            rule.put("valid_to", to.toString());
        }
        api.post("/api/admin/arrow/price-rules/", rule).expect(201);
    }

    /** A record's rules as "markup from..to", sorted. */
    private List<String> rulesOf(String settings) {
        return api.get("/api/admin/arrow/price-rules/?settings_uuid=" + settings)
                .expect(200)
                .json()
                .valueStream()
                .map(rule -> rule.get("markup_percent").asString() + " "
                        + rule.get("valid_from").asString() + ".."
                        + rule.get("valid_to").asString(""))
                .sorted()
                .toList();
    }

    /**
     * The first Arrow customer, priced by a 50 % markup on its mapping here from the month before, billed through this
     * record (its operator customer, what it was billed) and mapped in a second record of the same Arrow account.
     */
    private record Marked(
            String customerRef, String customer, BigDecimal billed, String second, String secondMapping) {}

    private Marked billedWithAMarkupThenMappedInASecondRecord() {
        fixture.activeSettings();
        Map<String, String> customers = fixture.mapAllCustomers();
        String customerRef = customers.keySet().iterator().next();
        fixture.markupRule(customerRef, MONTH.minusMonths(1), "50");
        sync();
        String customer = customers.get(customerRef);
        String second = fixture.otherSettingsOfTheSameAccount(Map.of());
        return new Marked(customerRef, customer, amount(customer), second, mapIn(second, customerRef, customer));
    }

    /** The customer's mapping in this record deactivated: the second record bills it from now on (D159). */
    private void unmappedHere(String customerRef) {
        api.patch(
                        "/api/admin/arrow/customer-mappings/" + fixture.mapping(customerRef) + "/",
                        Map.of("is_active", false))
                .expect(200);
    }

    /**
     * The first Arrow customer billed through this record (its operator customer, what it was billed, its first line),
     * mapped in a second record of the same Arrow account, and the body of that record's sync of the month.
     */
    private record Moving(
            String customerRef,
            String customer,
            BigDecimal billed,
            String line,
            String second,
            Map<String, Object> secondSync) {}

    private Moving billedThenMappedInASecondRecord() {
        return billedThenMappedInASecondRecord(() -> {});
    }

    /** As {@link #billedThenMappedInASecondRecord()}, what Arrow does in between done before the second record. */
    private Moving billedThenMappedInASecondRecord(Runnable meanwhile) {
        fixture.activeSettings();
        Map<String, String> customers = fixture.mapAllCustomers();
        sync();
        String customerRef = customers.keySet().iterator().next();
        BigDecimal billed = amount(customers.get(customerRef));
        assertThat(billed).isPositive();
        meanwhile.run();
        String second = fixture.otherSettingsOfTheSameAccount(Map.of());
        mapIn(second, customerRef, customers.get(customerRef));
        Map<String, Object> body = fixture.period(MONTH, second);
        return new Moving(
                customerRef,
                customers.get(customerRef),
                billed,
                invoicedLines(customerRef).get(0),
                second,
                body);
    }

    /** The second record's sync bills none of the customer's lines again: it goes on with this record's syncs. */
    private void secondRecordGoesOnWithTheSyncs(Moving moving, String decision) {
        JsonNode job = fixture.run("trigger_sync", moving.secondSync());
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(amount(moving.customer()))
                .as("the second record bills none of the lines again")
                .isEqualByComparingTo(moving.billed());
        assertThat(job.get("progress").get("syncs_adopted").asInt()).isPositive();
        assertThat(job.get("errors").toString()).contains("(" + decision + ")");
    }

    @Test
    void beforeValidationAResyncMakesTheInvoiceMatchArrowExactly() {
        Map<String, String> customers = fixture.mapAllCustomers();
        sync();
        String customerRef = customers.keySet().iterator().next();
        List<String> lines = invoicedLines(customerRef);
        BigDecimal original = invoiceItemPrice(lines.get(0));
        fixture.emulator().changeSell(lines.get(0), "12.34000");
        fixture.emulator().removeLine(lines.get(1));
        sync();
        assertThat(amount(customers.get(customerRef))).isEqualByComparingTo(exportTotal(customerRef));
        assertThat(invoiceItemPrice(lines.get(0))).isEqualByComparingTo("12.34");

        fixture.emulator().changeSell(lines.get(0), original.toPlainString());
        sync();
        assertThat(invoiceItemPrice(lines.get(0)))
                .as("D5: back to the original price")
                .isEqualByComparingTo(original);
        assertThat(amount(customers.get(customerRef))).isEqualByComparingTo(exportTotal(customerRef));
    }

    @Test
    void matchesByCompanyNameIgnoringCaseAndSpacesAndReportsWhatMatchesNothing() {
        String customer = fixture.mapCustomer("LEGACY-REF", "  contoso    LTD ");
        JsonNode job = sync();
        assertThat(job.get("progress").get("unmatched_lines").asInt()).isPositive();
        assertThat(job.get("errors").toString()).contains("No customer mapping for Arrow customer 'Fabrikam Inc'");
        assertThat(amount(customer)).isEqualByComparingTo(exportTotal("XSP700001"));
    }

    @Test
    void matchesLinesNamingTheCustomerByItsRefLearnedOnceFromArrow() {
        String customer = fixture.mapCustomer("XSP700001", "Contoso, as the operator calls it");
        sync();
        assertThat(amount(customer))
                .as("End User Company ID holds 700001, the Ref of XSP700001")
                .isEqualByComparingTo(exportTotal("XSP700001"));
        assertThat(jdbc.sql("select arrow_customer_ref from customer_mappings where arrow_reference = 'XSP700001'"
                                + " and settings_id = (select id from arrow_settings where uuid = ?::uuid)")
                        .param(settings)
                        .query(String.class)
                        .single())
                .isEqualTo("700001");
        sync();
        assertThat(fixture.emulator().stats().path("customers").path("requests").asInt())
                .as("a known Ref is not asked for again")
                .isEqualTo(1);
    }

    /**
     * D279: two Arrow customers of one name (a company's subsidiaries), one mapped. Once Arrow gave the mapped one's
     * Ref, a line naming the other by its id is reported, not billed to the mapped one by the name they share.
     */
    @Test
    void aLineOfAnotherArrowCustomerOfTheSameNameIsReportedNotBilledByTheName() {
        String customer = fixture.mapCustomer("XSP700001", "Contoso Ltd");
        fixture.emulator().renameCustomer("XSP700002", "Contoso Ltd");
        JsonNode job = sync();
        assertThat(amount(customer)).as("the lines of XSP700001 alone").isEqualByComparingTo(exportTotal("XSP700001"));
        assertThat(exportTotal("XSP700002")).isPositive();
        assertThat(job.get("progress").get("unmatched_lines").asInt()).isPositive();
        assertThat(job.get("errors").toString()).contains("No customer mapping for Arrow customer 'Contoso Ltd'");
    }

    /** D279: two unmapped Arrow customers of one name are reported as two, each with its own id and amount. */
    @Test
    void twoUnmappedArrowCustomersOfOneNameAreReportedApart() {
        fixture.mapCustomer("XSP700003", "Northwind Traders");
        fixture.emulator().renameCustomer("XSP700002", "Contoso Ltd");
        JsonNode job = sync();
        List<String> unmatched = new java.util.ArrayList<>();
        job.get("result").get("unmatched").forEach(customer -> {
            if (customer.get("company_name").asString().equals("Contoso Ltd")) {
                unmatched.add(customer.get("customer_reference").asString());
            }
        });
        assertThat(unmatched).as(job.toString()).containsExactlyInAnyOrder("700001", "700002");
    }

    @Test
    void withoutArrowsCustomerListALineNamingItsCustomerByRefFallsBackToTheName() {
        fixture.emulator().fault("{\"family\":\"customers\",\"kind\":\"503\",\"count\":10}");
        String customer = fixture.mapCustomer("XSP700001", "Contoso Ltd");
        JsonNode job = sync();
        assertThat(job.get("errors").toString()).contains("Arrow customers unavailable");
        assertThat(amount(customer)).isEqualByComparingTo(exportTotal("XSP700001"));
    }

    @Test
    void aSyncLimitedToOneResourceTouchesOnlyItsLicense() {
        Map<String, String> customers = fixture.mapAllCustomers();
        String customer = customers.get("XSP700001");
        String resource = licensedResource(customer, "XSP4000001");
        JsonNode job = syncOf(resource);
        assertThat(job.get("state").asString()).isEqualTo("succeeded");
        List<String> licenses =
                jdbc.sql("""
                        select distinct t.license_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid""").param(settings).query(String.class).list();
        assertThat(licenses).containsExactly("XSP4000001");
        assertThat(jdbc.sql(
                                "select count(*) from invoice_items where resource_id = (select id from resources where uuid = ?::uuid)")
                        .param(resource)
                        .query(Long.class)
                        .single())
                .as("items link the resource of their license (D12)")
                .isPositive();

        String unlicensed = api.post(
                        "/api/marketplace-resources/",
                        Map.of(
                                "name",
                                "No license",
                                "project",
                                fixture.project(customer),
                                "offering",
                                fixture.offering().text("uuid")))
                .expect(201)
                .text("uuid");
        Map<String, Object> unlicensedResource = fixture.period(MONTH);
        unlicensedResource.put("resource_uuid", unlicensed);
        assertThat(api.post("/api/admin/arrow/billing-syncs/trigger_sync/", unlicensedResource)
                        .expect(400)
                        .json()
                        .has("resource_uuid"))
                .isTrue();
    }

    @Test
    void aSyncLimitedToOneResourceRemovesOnlyTheVanishedLinesOfItsLicense() {
        Map<String, String> customers = fixture.mapAllCustomers();
        sync();
        String ours = lineOf("t.license_reference = 'XSP4000001'");
        String another = lineOf("t.license_reference <> 'XSP4000001'");
        fixture.emulator().removeLine(ours);
        fixture.emulator().removeLine(another);

        JsonNode job = syncOf(licensedResource(customers.get("XSP700001"), "XSP4000001"));

        assertThat(job.get("state").asString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("lines_removed").asInt()).isEqualTo(1);
        assertThat(removed(ours)).as("its license's line Arrow dropped").isTrue();
        assertThat(removed(another))
                .as("another license's line, which a sync of one license does not read")
                .isFalse();

        JsonNode whole = sync();
        assertThat(whole.get("result").get("lines_removed").asInt()).isEqualTo(1);
        assertThat(removed(another)).as("the month's sync removes it").isTrue();
    }

    @Test
    void aSyncLimitedToOneResourceKeepsItsLicensesLineThatArrowNowListsUnderAnotherLicense() {
        Map<String, String> customers = fixture.mapAllCustomers();
        sync();
        String moved = lineOf("t.license_reference <> 'XSP4000001'");
        // billed under XSP4000001, and Arrow's row of it now names another license
        jdbc.sql("update billing_sync_items set license_reference = 'XSP4000001' where arrow_line_reference = ?")
                .param(moved)
                .update();

        JsonNode job = syncOf(licensedResource(customers.get("XSP700001"), "XSP4000001"));

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("progress").get("lines_of_another_license_now").asInt())
                .isEqualTo(1);
        assertThat(removed(moved))
                .as("seen in the export, under another license: not a line Arrow dropped")
                .isFalse();
    }

    @Test
    void aLineArrowListsInAnotherCurrencyThanItWasBilledInIsLeftAsBilledAndSaysSo() {
        fixture.mapAllCustomers();
        sync();
        String line = lineOf("true");
        BigDecimal billed = invoiceItemPrice(line);
        // billed in dollars (its invoice's every item), and Arrow now lists it in euros
        long item = jdbc.sql("""
                        select t.id from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.arrow_line_reference = ?""").params(settings, line).query(Long.class).single();
        jdbc.sql("update billing_sync_items set currency = 'USD' where id = ?")
                .param(item)
                .update();
        jdbc.sql("""
                        update invoice_items set currency = 'USD' where invoice_id = (select it.invoice_id from invoice_items it
                        join billing_sync_items t on t.invoice_item_id = it.id where t.id = ?)""").param(item).update();

        JsonNode unchanged = sync();
        assertThat(unchanged.get("progress").path("currency_errors").asInt())
                .as("D112: found though its amounts did not change")
                .isEqualTo(1);

        fixture.emulator().changeSell(line, "12.34000");
        JsonNode job = sync();

        assertThat(job.get("progress").get("currency_errors").asInt())
                .as(job.toString())
                .isEqualTo(1);
        assertThat(job.get("errors").toString()).contains(line).contains("now in EUR, billed in USD (D9)");
        assertThat(invoiceItemPrice(line)).as("its item stays as billed").isEqualByComparingTo(billed);
        assertThat(removed(line)).isFalse();
    }

    @Test
    void anInvoiceInAnotherCurrencyRefusesTheLinesAndSaysSo() {
        Map<String, String> customers = fixture.mapAllCustomers();
        String customerRef = customers.keySet().iterator().next();
        Invoice invoice = invoices.invoiceFor(Uuids.fromPath(customers.get(customerRef)), MONTH);
        invoices.addItem(
                invoice,
                new InvoiceItemDraft(
                        "Dollar service",
                        BigDecimal.TEN,
                        BigDecimal.ONE,
                        "quantity",
                        "USD",
                        MONTH.atDay(1),
                        MONTH.atEndOfMonth(),
                        null,
                        null,
                        JsonNodeFactory.instance.objectNode()));
        JsonNode job = sync();
        assertThat(job.get("progress").get("currency_errors").asInt()).isPositive();
        assertThat(job.get("errors").toString()).contains("D9");
        List<String> currencies = jdbc.sql("select distinct currency from invoice_items where invoice_id = ?")
                .param(invoice.id())
                .query(String.class)
                .list();
        assertThat(currencies).containsExactly("USD");
    }

    @Test
    void aZeroAmountLineIsKeptWithoutAnItemSoItsLaterCorrectionBillsExactlyTheDifference() {
        Map<String, String> customers = fixture.mapAllCustomers();
        sync();
        String customerRef = customers.keySet().stream()
                .filter(reference -> !fixture.lineReferences(reference, "zero").isEmpty())
                .findFirst()
                .orElseThrow();
        String zero = fixture.lineReferences(customerRef, "zero").get(0);
        assertThat(syncItem(zero).get("invoice_item_uuid").isNull())
                .as("D33: kept on the sync, billing nothing")
                .isTrue();

        fixture.emulator().changeSell(zero, "25.00000");
        sync();
        assertThat(invoiceItemPrice(zero)).isEqualByComparingTo("25");
        assertThat(amount(customers.get(customerRef))).isEqualByComparingTo(exportTotal(customerRef));

        fixture.emulator().changeSell(zero, "30.00000");
        JsonNode reconciled = fixture.reconcileBilling(MONTH, true);
        assertThat(reconciled.get("result").get("compensations").asInt()).isEqualTo(1);
        assertThat(new BigDecimal(
                        reconciled.get("result").get("compensation_total").asString()))
                .isEqualByComparingTo("5");
    }

    /**
     * D169: each line ends up billed its final amount rounded to the cent, whatever it was corrected from. A line Arrow
     * moves from 205.005 (billed 205.01) to 206.00 is corrected by 0.99, not by 0.995 billed as 1.00; lines nudged
     * under a cent are corrected, by whole cents, only where their rounded amount moves; a second reconciliation books
     * nothing.
     */
    @Test
    void eachLineIsBilledItsFinalAmountRoundedWhateverItWasCorrectedFrom() {
        Map<String, String> customers = fixture.mapAllCustomers();
        sync();
        List<String> lines = invoicedLines("XSP700001");
        assertThat(lines).hasSizeGreaterThan(2);
        String halfACent = lines.get(0);
        fixture.emulator().changeSell(halfACent, "205.00500");
        lines.stream().skip(1).limit(10).forEach(line -> nudge(line, "0.009"));
        JsonNode first = fixture.reconcileBilling(MONTH, true);
        assertThat(first.get("state").asString()).as(first.toString()).isEqualTo("succeeded");
        assertThat(billedFor(halfACent)).isEqualByComparingTo("205.01");

        fixture.emulator().changeSell(halfACent, "206.00000");
        JsonNode second = fixture.reconcileBilling(MONTH, true);

        assertThat(second.get("result").get("compensations").asInt())
                .as(second.toString())
                .isEqualTo(1);
        assertThat(billedFor(halfACent)).as("Arrow's 206.00, to the cent").isEqualByComparingTo("206.00");
        assertThat(billedRounded(customers.get("XSP700001")))
                .as("every line billed its final amount rounded")
                .isEqualByComparingTo(fixture.emulator().exportLines(MONTH).stream()
                        .filter(line -> fixture.lineReferences("XSP700001", "%").contains(line.lineReference()))
                        .map(line -> line.sellTotal().setScale(2, RoundingMode.HALF_UP))
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(fixture.reconcileBilling(MONTH, true)
                        .get("result")
                        .get("compensations")
                        .asInt())
                .as("booked once")
                .isZero();
    }

    /**
     * D169: a line at a half cent that Arrow drops is credited what its invoice billed, once: reconciled again, it is
     * not flipped by a cent each time (its item and credit were rounded together, half away from zero).
     */
    @Test
    void aDroppedLineAtAHalfCentIsCreditedOnce() {
        fixture.mapAllCustomers();
        sync();
        String line = invoicedLines("XSP700001").get(0);
        fixture.emulator().changeSell(line, "10.00500");
        sync();
        assertThat(billedFor(line)).isEqualByComparingTo("10.01");
        fixture.emulator().removeLine(line);

        for (int run = 1; run <= 3; run++) {
            JsonNode reconciled = fixture.reconcileBilling(MONTH, true);
            assertThat(reconciled.get("result").get("compensations").asInt())
                    .as("run %d: %s", run, reconciled)
                    .isEqualTo(run == 1 ? 1 : 0);
            assertThat(billedFor(line)).as("run %d", run).isEqualByComparingTo("0.00");
        }
    }

    /**
     * D169: a line re-priced by a correction that Arrow then lowers below it keeps billing its price rounded: the sync
     * gives its item what the correction leaves, whole cents where a half cent would round the other way (a +5.00
     * correction on a line now worth 4.995 left an item of -0.005, billed -0.01).
     */
    @Test
    void aLineLoweredBelowItsRepricingStillBillsItsPriceRounded() {
        fixture.mapAllCustomers();
        sync();
        String line = invoicedLines("XSP700001").get(0);
        fixture.emulator().changeAmounts(line, "10.00000", "10.00000");
        sync();
        fixture.markupRule("XSP700001", MONTH, "50");
        JsonNode repriced = fixture.awaitJob(api.post(
                "/api/admin/arrow/price-rules/reprice/",
                Map.of("period", MONTH.toString(), "settings_uuid", settings, "confirm", true)));
        assertThat(repriced.get("state").asString()).as(repriced.toString()).isEqualTo("succeeded");
        assertThat(billedFor(line)).isEqualByComparingTo("15.00");

        fixture.emulator().changeAmounts(line, "4.00000", "3.33000");
        sync();

        assertThat(billedFor(line)).as("3.33 + 50 %% = 4.995").isEqualByComparingTo("5.00");
    }

    /** Arrow corrects a line's sell amount by {@code delta}. */
    private void nudge(String line, String delta) {
        BigDecimal sell =
                jdbc.sql("""
                        select t.sell from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.arrow_line_reference = ?""").params(settings, line).query(BigDecimal.class).single();
        fixture.emulator().changeSell(line, sell.add(new BigDecimal(delta)).toPlainString());
    }

    /** What the line's item and its corrections bill, each rounded to the cent as its invoice bills it. */
    private BigDecimal billedFor(String lineReference) {
        return jdbc.sql("""
                        select coalesce(sum(round(it.unit_price * it.quantity, 2)), 0) from invoice_items it
                        join invoices i on i.id = it.invoice_id join customer_mappings m on m.customer_id = i.customer_id
                        join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and (it.details ->> 'original_line_reference' = ? or it.id in (
                            select t.invoice_item_id from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                            where b.customer_mapping_id = m.id and t.arrow_line_reference = ?))""")
                .params(settings, lineReference, lineReference)
                .query(BigDecimal.class)
                .single();
    }

    /** What the customer's Arrow lines and their corrections bill, each item rounded to the cent. */
    private BigDecimal billedRounded(String customer) {
        return jdbc.sql("""
                        select coalesce(sum(round(it.unit_price * it.quantity, 2)), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customers c on c.id = i.customer_id where c.uuid = ?::uuid and it.details ->> 'source' like 'arrow%'""").param(customer).query(BigDecimal.class).single();
    }

    private JsonNode syncItem(String lineReference) {
        for (JsonNode sync : api.get("/api/admin/arrow/billing-syncs/?settings_uuid=" + settings + "&page_size=50")
                .expect(200)
                .json()) {
            for (JsonNode item : sync.get("items")) {
                if (item.get("arrow_line_reference").asString().equals(lineReference)) {
                    return item;
                }
            }
        }
        throw new AssertionError("no sync item " + lineReference);
    }

    /** A resource of the customer's project for an Arrow license. */
    private String licensedResource(String customer, String license) {
        return api.post(
                        "/api/marketplace-resources/",
                        Map.of(
                                "name",
                                "Azure plan",
                                "project",
                                fixture.project(customer),
                                "offering",
                                fixture.offering().text("uuid"),
                                "attributes",
                                Map.of("arrow_license_reference", license)))
                .expect(201)
                .text("uuid");
    }

    /** The month's billing sync limited to one resource's license, run to its end. */
    private JsonNode syncOf(String resource) {
        Map<String, Object> oneResource = fixture.period(MONTH);
        oneResource.put("resource_uuid", resource);
        return fixture.run("trigger_sync", oneResource);
    }

    /** The reference of a line of the settings' month, invoiced, that meets the condition on its item {@code t}. */
    private String lineOf(String condition) {
        return jdbc.sql("""
                        select t.arrow_line_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.invoice_item_id is not null and t.license_reference is not null and (%s)
                        order by t.id limit 1""".formatted(condition))
                .param(settings)
                .query(String.class)
                .single();
    }

    private boolean removed(String line) {
        return jdbc.sql("""
                        select t.removed from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.arrow_line_reference = ?""").params(settings, line).query(Boolean.class).single();
    }

    private JsonNode sync() {
        return fixture.syncedBilling(MONTH);
    }

    private BigDecimal exportTotal(String customerRef) {
        return fixture.exportSell(MONTH, customerRef);
    }

    private BigDecimal amount(String customer) {
        return jdbc.sql("""
                        select coalesce(sum(it.unit_price * it.quantity), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customers c on c.id = i.customer_id where c.uuid = ?::uuid and it.details ->> 'source' = 'arrow'""").param(customer).query(BigDecimal.class).single();
    }

    private BigDecimal invoiceItemPrice(String line) {
        return jdbc.sql("""
                        select it.unit_price * it.quantity from billing_sync_items t join invoice_items it on it.id = t.invoice_item_id
                        join billing_syncs b on b.id = t.billing_sync_id join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid and t.arrow_line_reference = ?""").params(settings, line).query(BigDecimal.class).single();
    }

    /** Maps the Arrow customer, under another company name, in another settings record to the operator customer. */
    private String mapIn(String settingsUuid, String arrowReference, String customer) {
        return api.post(
                        "/api/admin/arrow/customer-mappings/",
                        Map.of(
                                "settings",
                                settingsUuid,
                                "arrow_reference",
                                arrowReference,
                                "arrow_company_name",
                                "The same customer",
                                "waldur_customer",
                                customer))
                .expect(201)
                .text("uuid");
    }

    private List<String> invoicedLines(String customerRef) {
        return fixture.lineReferences(customerRef, "invoice");
    }
}
