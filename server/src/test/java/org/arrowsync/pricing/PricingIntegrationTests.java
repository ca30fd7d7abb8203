package org.arrowsync.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.billing.BillingValidation;
import org.arrowsync.shared.Progress;
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
 * Price rules on the demo preset's closed month, through the emulator: the rule each line gets, rules in their months
 * only, consumption tracking and the billing sync billing a license-month alike, and D2 under rules: every Arrow amount
 * is billed once, at the rules' price of its final amount.
 */
class PricingIntegrationTests extends IntegrationTest {

    static final String RULES = "/api/admin/arrow/price-rules/";
    static final YearMonth MONTH = TestClock.closedMonth();
    static final String CONTOSO = "XSP700001";
    static final String AWS = "Amazon Web Services";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BillingValidation validation;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;
    Map<String, String> customers;

    @BeforeEach
    void arrow() {
        settings = fixture.settings();
        customers = fixture.mapAllCustomers();
    }

    @Test
    void theMostSpecificRuleThatMatchesALinePricesIt() {
        String vendor = rule(Map.of("arrow_vendor_name", AWS, "base", "buy", "markup_percent", "20"));
        String customer = rule(Map.of("customer_mapping", contoso(), "base", "buy", "markup_percent", "10"));
        String customerVendor = rule(Map.of(
                "customer_mapping",
                contoso(),
                "arrow_vendor_name",
                "microsoft",
                "base",
                "buy",
                "markup_percent",
                "15"));
        String customerVendorClass = rule(Map.of(
                "customer_mapping",
                contoso(),
                "arrow_vendor_name",
                "Microsoft",
                "classification",
                "saas",
                "base",
                "sell",
                "markup_percent",
                "-5"));
        fixture.succeeded("trigger_sync", MONTH);

        Map<String, JsonNode> items = invoiceItemsByLine();
        int priced = 0;
        for (BillingLine line : fixture.emulator().exportLines(MONTH)) {
            boolean contoso = ("XSP" + line.customerReference()).equals(CONTOSO);
            boolean microsoft = line.vendor().equals("Microsoft");
            Expected expected;
            if (contoso && microsoft && line.classification().equals("SAAS")) {
                expected = new Expected(customerVendorClass, line.sellTotal(), "-5");
            } else if (contoso && microsoft) {
                expected = new Expected(customerVendor, line.buyTotal(), "15");
            } else if (contoso) {
                expected = new Expected(customer, line.buyTotal(), "10");
            } else if (line.vendor().equals(AWS)) {
                expected = new Expected(vendor, line.buyTotal(), "20");
            } else {
                expected = new Expected(null, line.sellTotal(), "0");
            }
            JsonNode item = items.get(line.lineReference());
            if (expected.billed().signum() == 0) {
                assertThat(item)
                        .as("a line that bills nothing has no item: %s", line)
                        .isNull();
                continue;
            }
            assertThat(item).as("the item of %s", line.lineReference()).isNotNull();
            assertThat(new BigDecimal(item.get("billed").asString()))
                    .as(
                            "%s %s %s of %s",
                            line.vendor(), line.classification(), line.lineReference(), line.customerReference())
                    .isEqualByComparingTo(expected.billed());
            JsonNode details = item.get("details");
            assertThat(
                            details.get("price_rule").isNull()
                                    ? null
                                    : details.get("price_rule").asString())
                    .isEqualTo(expected.rule());
            assertThat(details.get("buy").asString()).isEqualTo(line.buyTotal().toPlainString());
            assertThat(details.get("sell").asString())
                    .isEqualTo(line.sellTotal().toPlainString());
            assertThat(new BigDecimal(details.get("margin").asString()))
                    .isEqualByComparingTo(expected.billed().subtract(line.buyTotal()));
            priced++;
        }
        assertThat(priced).isGreaterThan(20);
    }

    /**
     * A rule added while the month still follows Arrow that bills every line what it billed already (Arrow's sell price
     * plus nothing) changes no amount, yet the next sync names it in every item's details.
     */
    @Test
    void aRuleThatBillsTheSameAmountsIsNamedOnTheItemsAtTheNextSync() {
        YearMonth open = TestClock.currentMonth();
        fixture.succeeded("trigger_sync", open);
        assertThat(invoiceItemsByLine().values())
                .isNotEmpty()
                .allSatisfy(
                        item -> assertThat(item.get("details").get("price_rule").isNull())
                                .isTrue());
        Map<String, JsonNode> before = invoiceItemsByLine();

        String same = rule(Map.of("base", "sell", "markup_percent", "0"));
        fixture.succeeded("trigger_sync", open);

        Map<String, JsonNode> after = invoiceItemsByLine();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((line, item) -> {
            assertThat(item.get("billed").asString())
                    .as("the amount of %s", line)
                    .isEqualTo(before.get(line).get("billed").asString());
            assertThat(item.get("details").get("price_rule").asString())
                    .as("the rule named on %s", line)
                    .isEqualTo(same);
        });
        JsonNode again = fixture.succeeded("trigger_sync", open);
        assertThat(again.get("progress").get("lines_unchanged").asInt())
                .as("the next sync finds every line as recorded: %s", again)
                .isEqualTo(again.get("progress").get("lines_synced").asInt());
    }

    @Test
    void aRuleOnlyPricesTheMonthsItIsValidIn() {
        rule(Map.of(
                "customer_mapping",
                contoso(),
                "base",
                "buy",
                "markup_percent",
                "50",
                "valid_from",
                MONTH.plusMonths(1).toString()));
        String untilLastMonth = rule(Map.of(
                "customer_mapping",
                contoso(),
                "arrow_vendor_name",
                "Microsoft",
                "base",
                "sell",
                "markup_percent",
                "30",
                "valid_from",
                MONTH.minusMonths(9).toString(),
                "valid_to",
                MONTH.minusMonths(1).toString()));
        String thisMonthOnly = rule(Map.of(
                "arrow_vendor_name",
                AWS,
                "base",
                "sell",
                "markup_percent",
                "12.5",
                "valid_from",
                MONTH.toString(),
                "valid_to",
                MONTH.toString()));
        fixture.succeeded("trigger_sync", MONTH);
        fixture.succeeded("trigger_sync", MONTH.minusMonths(1));

        Map<String, JsonNode> items = invoiceItemsByLine();
        for (YearMonth month : List.of(MONTH, MONTH.minusMonths(1))) {
            for (BillingLine line : fixture.emulator().exportLines(month)) {
                JsonNode item = items.get(line.lineReference());
                if (line.sellTotal().signum() == 0) {
                    continue;
                }
                boolean contosoMicrosoft = ("XSP" + line.customerReference()).equals(CONTOSO)
                        && line.vendor().equals("Microsoft");
                String rule = month.equals(MONTH)
                        ? (line.vendor().equals(AWS) ? thisMonthOnly : null)
                        : (contosoMicrosoft ? untilLastMonth : null);
                String markup = rule == null ? "0" : rule.equals(thisMonthOnly) ? "12.5" : "30";
                assertThat(new BigDecimal(item.get("billed").asString()))
                        .as("%s in %s", line.lineReference(), month)
                        .isEqualByComparingTo(priced(line.sellTotal(), markup));
                JsonNode applied = item.get("details").get("price_rule");
                assertThat(applied.isNull() ? null : applied.asString()).isEqualTo(rule);
            }
        }
    }

    /**
     * The same license-month, billed once through consumption tracking (a provisional item already at the rules' price,
     * finalised without a correction) and once, with fresh claims, line by line through the billing sync: both bill the
     * rules' price of Arrow's amount.
     */
    @Test
    void consumptionTrackingAndTheBillingSyncBillALicenseMonthAlike() {
        Map<String, String> resources = fixture.syncedResources(MONTH);
        fixedRules();
        JsonNode consumption = fixture.succeeded("trigger_consumption_sync", MONTH);
        assertThat(consumption.get("result").get("synced").asInt()).isPositive();
        JsonNode finalised = fixture.succeeded("trigger_reconciliation", MONTH);
        assertThat(finalised.get("result").get("finalized").asInt()).isPositive();
        assertThat(finalised.get("result").get("compensation_items_created").asInt())
                .as("the provisional items were already priced by the rules")
                .isZero();
        fixture.succeeded("trigger_sync", MONTH);
        List<String> tracked = licensesBilledByConsumption();
        assertThat(tracked).isNotEmpty();
        assertThat(resources.keySet()).containsAll(tracked);
        Map<String, BigDecimal> charged = chargedPerLicense();
        fixture.renew();

        settings = fixture.settings();
        customers = fixture.mapAllCustomers();
        fixedRules();
        fixture.succeeded("trigger_sync", MONTH);
        assertThat(licensesBilledByConsumption()).isEmpty();
        Map<String, BigDecimal> byBilling = chargedPerLicense();
        Map<String, BigDecimal> expected = expectedPerLicense();
        for (String license : tracked) {
            assertThat(charged.get(license))
                    .as("license %s through consumption tracking and through the billing sync", license)
                    .isCloseTo(byBilling.get(license), within(new BigDecimal("0.000001")))
                    .isCloseTo(expected.get(license), within(new BigDecimal("0.000001")));
        }
    }

    /**
     * D2 under rules, across both paths and a late correction: after sync, finalisation, validation and reconciliation,
     * each customer's Arrow-sourced items of the month add up to the rules' price of its final lines, each line (or
     * consumption-billed license-month) rounded as its invoice bills it (D169).
     */
    @Test
    void everyArrowAmountIsBilledOnceAtTheRulesPriceOfItsFinalAmount() {
        fixture.syncedResources(MONTH);
        fixedRules();
        fixture.succeeded("trigger_consumption_sync", MONTH);
        fixture.succeeded("trigger_sync", MONTH);
        List<String> viaConsumption = fixture.lineReferences(CONTOSO, "consumption");
        List<String> viaInvoice = fixture.lineReferences(CONTOSO, "invoice");
        assertThat(viaConsumption).isNotEmpty();
        assertThat(viaInvoice).hasSizeGreaterThan(1);

        fixture.emulator().changeAmounts(viaConsumption.get(0), "777.77000", "700");
        fixture.emulator().changeAmounts(viaInvoice.get(0), "55.55000", "50");
        fixture.succeeded("trigger_sync", MONTH);
        fixture.succeeded("trigger_reconciliation", MONTH);
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        fixture.emulator().changeAmounts(viaInvoice.get(1), "66.66000", "60");
        fixture.succeeded("reconcile", MONTH);
        fixture.succeeded("reconcile", MONTH);

        for (Map.Entry<String, String> customer : customers.entrySet()) {
            assertThat(fixture.arrowChargesAsBilled(customer.getValue(), MONTH))
                    .as("Arrow-sourced items of the month of %s", customer.getKey())
                    .isEqualByComparingTo(
                            fixture.exportAsBilled(MONTH, customer.getKey(), PricingIntegrationTests::fixedPrice));
        }
    }

    /**
     * The operator saves the setup wizard again for the same Arrow account: the new settings carry on the price source,
     * item prefix, currency and rules of those they replace, a customer's rule on its mapping there (D163), so the
     * month they take over (D123) stays billed at its prices, and reconciling it books nothing. They replace the active
     * record, not a newer one the operator tried out and never used (D273).
     */
    @Test
    void newSettingsOfTheSameAccountCarryOnThePricingOfThoseTheyReplace() {
        api.patch(
                        "/api/admin/arrow/settings/" + settings + "/",
                        Map.of("invoice_item_prefix", "Cloud", "currency", "GBP", "is_active", true))
                .expect(200);
        fixture.otherSettingsOfTheSameAccount(Map.of("invoice_item_prefix", "TEST", "invoice_price_source", "buy"));
        fixedRules();
        fixture.succeeded("trigger_sync", MONTH);
        Map<String, BigDecimal> charged = new HashMap<>();
        customers.values().forEach(customer -> charged.put(customer, fixture.arrowCharges(customer, MONTH)));

        JsonNode saved = fixture.saveSettingsAgain(customers);
        String successor = saved.get("settings_uuid").asString();
        assertThat(saved.get("message").asString())
                .contains("carried over from settings " + settings
                        + ": item prefix \"Cloud\", currency GBP, 2 price rules");
        JsonNode carried = api.get("/api/admin/arrow/settings/" + successor + "/")
                .expect(200)
                .json();
        assertThat(carried.get("invoice_item_prefix").asString()).isEqualTo("Cloud");
        assertThat(carried.get("currency").asString()).isEqualTo("GBP");
        JsonNode rules =
                api.get(RULES + "?settings_uuid=" + successor).expect(200).json();
        assertThat(rules.findValuesAsString("markup_percent")).containsExactlyInAnyOrder("10.0000", "-5.0000");
        String contosoThere = api.get("/api/admin/arrow/customer-mappings/?settings_uuid=" + successor
                        + "&arrow_reference=" + CONTOSO)
                .expect(200)
                .json()
                .get(0)
                .get("uuid")
                .asString();
        assertThat(rules.findValuesAsString("customer_mapping"))
                .anySatisfy(mapping -> assertThat(mapping).contains(contosoThere));

        Map<String, Object> month = fixture.period(MONTH, successor);
        JsonNode job = fixture.run("trigger_sync", month);
        assertThat(job.get("progress").get("syncs_adopted").asInt())
                .as(job.toString())
                .isPositive();
        month.put("force", true);
        assertThat(fixture.run("reconcile", month)
                        .get("result")
                        .get("compensations")
                        .asInt())
                .as("the month is billed at the prices the new settings bill it at")
                .isZero();
        customers
                .values()
                .forEach(customer ->
                        assertThat(fixture.arrowCharges(customer, MONTH)).isEqualByComparingTo(charged.get(customer)));
    }

    /**
     * D79: the largest amount Arrow may send, at the highest markup a rule may add, is billed in full, and so are the
     * totals of the sync that has several such lines; a re-sync follows Arrow's change to one of them.
     */
    @Test
    void theHighestMarkupOnTheLargestAmountsArrowSendsIsBilledInFull() {
        fixture.arrowStillValidates(MONTH);
        rule(Map.of("customer_mapping", contoso(), "base", "buy", "markup_percent", "10000"));
        fixture.succeeded("trigger_sync", MONTH);
        List<String> lines = fixture.lineReferences(CONTOSO, "invoice");
        assertThat(lines).hasSizeGreaterThan(2);
        // the emulator writes amounts with five decimals, as Arrow's exports do
        String largest = "999999999999.99999";
        lines.forEach(line -> fixture.emulator().changeAmounts(line, largest, largest));
        fixture.emulator().changeAmounts(lines.get(0), "1.00", "0.5");

        fixture.succeeded("trigger_sync", MONTH);

        Map<String, JsonNode> items = invoiceItemsByLine();
        BigDecimal each = priced(new BigDecimal(largest), "10000");
        assertThat(new BigDecimal(items.get(lines.get(1)).get("billed").asString()))
                .as("a line of the largest buy amount at 101 times")
                .isEqualByComparingTo(each);
        assertThat(new BigDecimal(items.get(lines.get(0)).get("billed").asString()))
                .isEqualByComparingTo(priced(new BigDecimal("0.5"), "10000"));
        BigDecimal contosoTotal = fixture.emulator().exportLines(MONTH).stream()
                .filter(line -> ("XSP" + line.customerReference()).equals(CONTOSO))
                .map(line -> priced(line.buyTotal(), "10000"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(contosoTotal)
                .as("several such lines add up")
                .isGreaterThan(each.multiply(BigDecimal.valueOf(lines.size() - 1)));
        assertThat(fixture.arrowCharges(customers.get(CONTOSO), MONTH)).isEqualByComparingTo(contosoTotal);
    }

    /** Contoso pays buy + 10 %; Microsoft's IaaS of the others is sold 5 % under list; the rest at list. */
    private void fixedRules() {
        rule(Map.of("customer_mapping", contoso(), "base", "buy", "markup_percent", "10"));
        rule(Map.of(
                "arrow_vendor_name", "Microsoft", "classification", "IAAS", "base", "sell", "markup_percent", "-5"));
    }

    private static BigDecimal fixedPrice(BillingLine line) {
        if (("XSP" + line.customerReference()).equals(CONTOSO)) {
            return priced(line.buyTotal(), "10");
        }
        if (line.vendor().equals("Microsoft") && line.classification().equals("IAAS")) {
            return priced(line.sellTotal(), "-5");
        }
        return line.sellTotal();
    }

    private Map<String, BigDecimal> expectedPerLicense() {
        return fixture.emulator().exportLines(MONTH).stream()
                .collect(Collectors.groupingBy(
                        BillingLine::licenseReference,
                        Collectors.reducing(BigDecimal.ZERO, PricingIntegrationTests::fixedPrice, BigDecimal::add)));
    }

    static BigDecimal priced(BigDecimal base, String markup) {
        return base.multiply(BigDecimal.ONE.add(new BigDecimal(markup).movePointLeft(2)));
    }

    /**
     * D240: a mapping with price rules is not deleted, though no billing sync hangs on it: its rules would go with it,
     * and with them its customer's prices through every mapping; deleting the rules first lets it go.
     */
    @Test
    void aMappingWithPriceRulesIsNotDeleted() {
        fixture.mapCustomer("XSP999990", "Spare Reference");
        String spare = "/api/admin/arrow/customer-mappings/" + fixture.mapping("XSP999990") + "/";
        String rule =
                rule(Map.of("customer_mapping", fixture.mapping("XSP999990"), "base", "buy", "markup_percent", "50"));

        String refusal = api.delete(spare).expect(409).text("error");

        assertThat(refusal).contains("1 price rule(s)").contains("deactivate the mapping (is_active=false)");
        api.get(RULES + rule + "/").expect(200);
        api.delete(RULES + rule + "/").expect(204);
        api.delete(spare).expect(204);
    }

    private String contoso() {
        return fixture.mapping(CONTOSO);
    }

    private String rule(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(
                Map.of("settings", settings, "valid_from", MONTH.minusMonths(9).toString()));
        body.putAll(fields);
        return api.post(RULES, body).expect(201).text("uuid");
    }

    /** The own invoice item of each billing line of these settings: its amount and details, by line reference. */
    private Map<String, JsonNode> invoiceItemsByLine() {
        Map<String, JsonNode> items = new HashMap<>();
        jdbc.sql("""
                        select t.arrow_line_reference, (it.unit_price * it.quantity)::text as billed, it.details::text as details
                        from billing_sync_items t join invoice_items it on it.id = t.invoice_item_id
                        join billing_syncs b on b.id = t.billing_sync_id join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid""").param(settings).query(rs -> {
            items.put(
                    rs.getString(1),
                    org.arrowsync.support.Api.parse(
                            "{\"billed\":\"" + rs.getString(2) + "\",\"details\":" + rs.getString(3) + "}"));
        });
        return items;
    }

    /** The licenses whose consumption of the month tracking bills, as the billing sync recorded them. */
    private List<String> licensesBilledByConsumption() {
        return jdbc.sql("""
                        select distinct t.license_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.billed_via = 'consumption'""").param(settings).query(String.class).list();
    }

    /** What these settings' customers were charged for each license's month: every Arrow-sourced item naming it. */
    private Map<String, BigDecimal> chargedPerLicense() {
        Map<String, BigDecimal> charged = new HashMap<>();
        jdbc.sql("""
                        select it.details ->> 'license_reference' as license, sum(it.unit_price * it.quantity) as charged
                        from invoice_items it join invoices i on i.id = it.invoice_id join customers c on c.id = i.customer_id
                        where c.id in (select m.customer_id from customer_mappings m join arrow_settings s on s.id = m.settings_id
                                       where s.uuid = ?::uuid)
                          and it.start_date = ? and it.details ->> 'source' like 'arrow%'
                        group by 1""").params(settings, MONTH.atDay(1)).query(rs -> {
            charged.put(rs.getString("license"), rs.getBigDecimal("charged"));
        });
        return charged;
    }

    private record Expected(String rule, BigDecimal base, String markup) {

        BigDecimal billed() {
            return priced(base, markup);
        }
    }
}
