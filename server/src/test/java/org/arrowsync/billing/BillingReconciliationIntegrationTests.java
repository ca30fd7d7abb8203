package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.ledger.InvoiceItem;
import org.arrowsync.ledger.InvoiceItemDraft;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.settings.ExportTemplateMissing;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Validation from Arrow's signal and reconciliation of a final month against the emulator's corrected export. */
class BillingReconciliationIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BillingValidation validation;

    @Autowired
    InvoiceService invoices;

    @Autowired
    BillingReconciliation reconciliation;

    @Autowired
    BillingMonths months;

    @Autowired
    SettingsService settingsService;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;
    Map<String, String> customers;

    @BeforeEach
    void mapAndSyncTheMonth() {
        // The tests say when Arrow has validated the month.
        fixture.arrowStillValidates(MONTH);
        settings = fixture.settings();
        customers = fixture.mapAllCustomers();
        fixture.syncedBilling(MONTH);
    }

    @Test
    void settingsThatLostTheirExportTemplateAfterTheJobWasQueuedAreRefusedInWords() {
        arrowValidatesTheMonth();
        BillingReconciliation.Target target =
                reconciliation.target(MONTH.getYear(), MONTH.getMonthValue(), Uuids.fromPath(settings), false);
        jdbc.sql("update arrow_settings set export_type_reference = '' where uuid = ?::uuid")
                .param(settings)
                .update();

        assertThatThrownBy(() -> reconciliation.reconcile(target, Progress.NONE))
                .isInstanceOf(ExportTemplateMissing.class)
                .hasMessageContaining("have no export template (export_type_reference)");
        assertThat(states()).as("nothing was reconciled").containsOnly(3);
    }

    @Test
    void validatesFromFulfilledStatementsThenCompensatesEachCorrectionOnce() {
        arrowValidatesTheMonth();
        assertThat(states()).containsOnly(3);

        String customerRef = customers.keySet().iterator().next();
        List<String> lines = lineReferences(customerRef);
        fixture.emulator().changeSell(lines.get(0), "999.12345");
        fixture.emulator().removeLine(lines.get(1));

        JsonNode job = reconcile(false);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("compensations").asInt()).isEqualTo(2);
        assertThat(states()).containsOnly(4);
        assertArrowAmountsMatchTheExport();
        assertSyncsEmbedTheirItemsAsTheItemsAnswer();
        assertThat(syncSellTotal(customerRef))
                .as("the sync's sell_total follows the lines reconciliation changed and dropped")
                .isEqualByComparingTo(fixture.emulator().exportLines(MONTH).stream()
                        .filter(line -> ("XSP" + line.customerReference()).equals(customerRef))
                        .map(BillingLine::sellTotal)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));

        JsonNode again = reconcile(false);
        assertThat(again.get("result").get("compensations").asInt())
                .as("D4: nothing is compensated twice")
                .isZero();
        assertArrowAmountsMatchTheExport();

        fixture.emulator().changeSell(lines.get(0), "1000.00000");
        assertThat(reconcile(false).get("result").get("compensations").asInt()).isEqualTo(1);
        assertArrowAmountsMatchTheExport();
        JsonNode removed = api.get("/api/invoice-items/?customer_uuid=" + customers.get(customerRef) + "&page_size=300")
                .expect(200)
                .json();
        assertThat(removed.valueStream()
                        .filter(item -> "line_removed"
                                .equals(item.get("details").path("reason").asString()))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aLineArrowAddsAfterValidationIsRecordedThenBilledOnceByReconciliation() {
        fixture.licensedResources();
        arrowValidatesTheMonth();
        assertThat(reconcile(false).get("result").get("compensations").asInt()).isZero();
        String customerRef = customers.keySet().iterator().next();
        String license = fixture.licenseOf(lineReferences(customerRef).get(0));
        String late = fixture.emulator().addLine(license, MONTH, "12.50000", "10.00000");

        JsonNode sync = fixture.syncedBilling(MONTH);
        assertThat(sync.get("progress").get("late_lines").asInt()).isEqualTo(1);
        assertThat(sync.get("errors").toString()).contains(late).contains("was validated");
        assertThat(syncOf(late).get("state").asInt())
                .as("D237: its sync is validated again, for each periodic check to retry the month")
                .isEqualTo(3);
        assertThat(states()).as("the others stay reconciled").containsOnly(3, 4);
        assertThat(reconciliation.waiting(Uuids.fromPath(settings)))
                .as("retried though the reconciliation the sync's job queues fails")
                .containsExactly(MONTH);
        assertThat(yetToBill())
                .as("the month shows the late line as what reconciliation has yet to bill")
                .isEqualByComparingTo("12.50");
        BillingMonths.ChangeTotals changed = months.lastChanges(settingsService.get(Uuids.fromPath(settings)), MONTH)
                .orElseThrow()
                .totals();
        assertThat(changed.syncs())
                .as("the sync run's changes name the late line")
                .isOne();
        assertThat(changed.added()).isOne();
        assertThat(changed.sellDifference()).isEqualByComparingTo("12.50");

        JsonNode booked = reconcile(false);
        assertThat(booked.get("result").get("compensations").asInt()).isEqualTo(1);
        assertThat(new BigDecimal(booked.get("result").get("compensation_total").asString()))
                .isEqualByComparingTo("12.50");
        assertArrowAmountsMatchTheExport();
        assertThat(yetToBill()).isZero();
        assertThat(states()).containsOnly(4);
        assertThat(reconciliation.waiting(Uuids.fromPath(settings))).isEmpty();
        assertThat(jdbc.sql("""
                        select r.attributes ->> 'arrow_license_reference' from invoice_items it join resources r on r.id = it.resource_id
                        where it.details ->> 'original_line_reference' = ?""").param(late).query(String.class).list())
                .as("the late line's charge names its license's resource, as its sync would")
                .containsExactly(license);

        fixture.syncedBilling(MONTH);
        assertThat(reconcile(false).get("result").get("compensations").asInt())
                .as("the late line is billed once")
                .isZero();
        assertArrowAmountsMatchTheExport();
    }

    @Test
    void aForcedReconciliationOfAMonthWithoutSyncedSyncsSyncsItFirstToo() {
        arrowValidatesTheMonth();
        String license = fixture.licenseOf(
                lineReferences(customers.keySet().iterator().next()).get(0));
        fixture.emulator().addLine(license, MONTH, "12.50000", "10.00000");

        JsonNode booked = reconcile(true);

        assertThat(booked.get("progress").get("sync_late_lines").asInt())
                .as(booked.toString())
                .isEqualTo(1);
        assertThat(new BigDecimal(booked.get("result").get("compensation_total").asString()))
                .isEqualByComparingTo("12.50");
        assertArrowAmountsMatchTheExport();
    }

    @Test
    void aLineArrowAddsBeforeTheCheckValidatesTheMonthIsBilledByItsReconciliationThoughNoSyncSawIt() {
        String customerRef = customers.keySet().iterator().next();
        String license = fixture.licenseOf(lineReferences(customerRef).get(0));
        String late = fixture.emulator().addLine(license, MONTH, "12.50000", "10.00000");
        arrowValidatesTheMonth();
        assertThat(states())
                .as("validated by the periodic check, not synced since")
                .containsOnly(3);
        assertThat(api.post("/api/admin/arrow/billing-syncs/reconcile_preview/", fixture.period(MONTH))
                        .expect(200)
                        .json()
                        .get("unsynced_lines")
                        .asLong())
                .as("the preview names the line it leaves out")
                .isEqualTo(1);

        JsonNode booked = reconcile(false);
        assertThat(booked.get("state").asString()).as(booked.toString()).isEqualTo("succeeded");
        assertThat(booked.get("progress").get("sync_late_lines").asInt())
                .as("D105: the reconciliation syncs the month first")
                .isEqualTo(1);
        assertThat(booked.get("result").get("compensations").asInt()).isEqualTo(1);
        assertThat(new BigDecimal(booked.get("result").get("compensation_total").asString()))
                .as("%s billed by this reconciliation", late)
                .isEqualByComparingTo("12.50");
        assertArrowAmountsMatchTheExport();

        assertThat(reconcile(false).get("result").get("compensations").asInt())
                .as("the late line is billed once")
                .isZero();
        assertArrowAmountsMatchTheExport();
    }

    @Test
    void aCorrectionInAnotherCurrencyThanItsInvoiceIsLeftOutNamedOnItsSyncAndTheOthersAreBooked() {
        arrowValidatesTheMonth();
        List<String> refs = List.copyOf(customers.keySet());
        String dollar = customers.get(refs.get(0));
        fixture.closeInvoice(dollar, MONTH);
        InvoiceItem dollarService = invoices.addItem(
                invoices.invoiceFor(Uuids.fromPath(dollar), TestClock.currentMonth()),
                new InvoiceItemDraft(
                        "Dollar service",
                        BigDecimal.TEN,
                        BigDecimal.ONE,
                        "quantity",
                        "USD",
                        TestClock.currentMonth().atDay(1),
                        TestClock.currentMonth().atEndOfMonth(),
                        null,
                        null,
                        JsonNodeFactory.instance.objectNode()));
        String refused = lineReferences(refs.get(0)).get(0);
        fixture.emulator().changeSell(refused, "999.12345");
        fixture.emulator().changeSell(lineReferences(refs.get(1)).get(0), "999.12345");

        JsonNode job = reconcile(false);

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("compensations").asInt()).isEqualTo(1);
        assertThat(job.get("progress").get("corrections_refused").asInt()).isEqualTo(1);
        assertThat(job.get("errors").toString()).contains(refused).contains("is not corrected: in EUR");
        assertThat(syncOf(refused).get("error_message").asString())
                .contains("1 correction was not booked")
                .contains(refused)
                .contains("(D9)");
        assertThat(states())
                .as("D108: a currency the invoice refuses waits for the operator, not for the next check")
                .containsOnly(4);
        assertThat(reconciliation.waiting(Uuids.fromPath(settings))).isEmpty();

        invoices.removeItem(dollarService);
        assertThat(reconcile(false).get("result").get("compensations").asInt())
                .as("the operator's next reconciliation books it once its invoice takes it")
                .isEqualTo(1);
        assertArrowAmountsMatchTheExport();
    }

    @Test
    void aLineArrowListsInAnotherCurrencyThanItWasBilledInIsNotCorrected() {
        arrowValidatesTheMonth();
        String line = lineReferences(customers.keySet().iterator().next()).get(0);
        // billed in dollars, and Arrow's final export lists it in euros
        jdbc.sql("update billing_sync_items set currency = 'USD' where arrow_line_reference = ?")
                .param(line)
                .update();
        fixture.emulator().changeSell(line, "999.12345");

        JsonNode job = reconcile(false);

        assertThat(job.get("result").get("compensations").asInt())
                .as(job.toString())
                .isZero();
        assertThat(job.get("progress").get("corrections_refused").asInt()).isEqualTo(1);
        assertThat(job.get("errors").toString()).contains(line).contains("now in EUR, billed in USD (D9)");
        assertThat(syncOf(line).get("error_message").asString()).contains(line).contains("(D9)");
    }

    @Test
    void aCorrectionWhoseCustomerHasNoOpenInvoiceLeavesItsSyncValidatedForTheNextReconciliation() {
        arrowValidatesTheMonth();
        String customerRef = customers.keySet().iterator().next();
        String customer = customers.get(customerRef);
        closeTheMonthsAndTheCurrentInvoice(customer);
        String refused = lineReferences(customerRef).get(0);
        fixture.emulator().changeSell(refused, "999.12345");

        JsonNode job = reconcile(false);

        assertThat(job.get("progress").get("corrections_refused").asInt())
                .as(job.toString())
                .isEqualTo(1);
        JsonNode sync = syncOf(refused);
        assertThat(sync.get("state").asInt())
                .as("D108: not reconciled while a correction of its lines waits for an open invoice")
                .isEqualTo(3);
        assertThat(sync.get("error_message").asString()).contains(refused).contains("(D94)");
        Map<String, Object> owed =
                jdbc.sql("""
                        select t.current_price, round(t.current_price, 2) - (round(t.invoiced, 2) + t.compensated) as line,
                               b.arrow_amount - b.billed as sync
                        from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.arrow_line_reference = ?""").params(settings, refused).query().singleRow();
        assertThat((BigDecimal) owed.get("current_price"))
                .as("D214: Arrow's amount stays on the line, so the month's priced total shows what is owed")
                .isEqualByComparingTo("999.12345");
        assertThat((BigDecimal) owed.get("line")).isPositive();
        assertThat((BigDecimal) owed.get("sync")).isEqualByComparingTo((BigDecimal) owed.get("line"));
        assertThat(states()).as("the other syncs are reconciled").contains(4);
        assertThat(reconciliation.waiting(Uuids.fromPath(settings)))
                .as("what each periodic check reconciles again")
                .containsExactly(MONTH);

        bookedOnceAnInvoiceOpens(customer);
    }

    /**
     * D246: a correction waits for an open invoice, leaving Arrow's amount on its line (D214), and Arrow then takes its
     * change back: nothing is owed, and the month's priced total says so again, where it showed the withdrawn
     * correction as owed for good.
     */
    @Test
    void aWaitingCorrectionArrowTakesBackLeavesNothingOwed() {
        arrowValidatesTheMonth();
        String customerRef = customers.keySet().iterator().next();
        closeTheMonthsAndTheCurrentInvoice(customers.get(customerRef));
        String line = lineReferences(customerRef).get(0);
        String original = fixture.emulator().exportLines(MONTH).stream()
                .filter(exported -> exported.lineReference().equals(line))
                .findFirst()
                .orElseThrow()
                .sellTotal()
                .toPlainString();
        fixture.emulator().changeSell(line, "1.00000");
        assertThat(reconcile(false).get("progress").get("corrections_refused").asInt())
                .isEqualTo(1);
        assertThat(owed(customerRef)).as("the correction waiting").isNegative();

        fixture.emulator().changeSell(line, original);
        JsonNode job = reconcile(false);

        assertThat(job.get("result").get("compensations").asInt())
                .as(job.toString())
                .isZero();
        assertThat(owed(customerRef)).as("nothing owed").isEqualByComparingTo("0");
        assertThat(states()).containsOnly(4);
    }

    /** What the month's syncs of the customer show still owed: their priced total less what they bill. */
    private BigDecimal owed(String customerRef) {
        return jdbc.sql("""
                        select coalesce(sum(b.arrow_amount - b.billed), 0) from billing_syncs b
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and m.arrow_reference = ? and b.report_period = ?""")
                .params(settings, customerRef, MONTH.toString())
                .query(BigDecimal.class)
                .single();
    }

    /**
     * A month reconciled before: a correction found by a later reconciliation that waits for an open invoice left its
     * sync reconciled, so no periodic check ever retried it (D108 says the sync stays validated). It is validated
     * again, retried by each check, and booked once an invoice takes it.
     */
    @Test
    void aCorrectionWaitingForAnOpenInvoiceAfterAnEarlierReconciliationIsRetried() {
        arrowValidatesTheMonth();
        assertThat(reconcile(false).get("state").asString()).isEqualTo("succeeded");
        assertThat(states()).containsOnly(4);
        String customerRef = customers.keySet().iterator().next();
        String customer = customers.get(customerRef);
        closeTheMonthsAndTheCurrentInvoice(customer);
        String refused = lineReferences(customerRef).get(0);
        fixture.emulator().changeSell(refused, "255.00000");

        JsonNode job = reconcile(false);

        assertThat(job.get("progress").get("corrections_refused").asInt())
                .as(job.toString())
                .isEqualTo(1);
        assertThat(syncOf(refused).get("state").asInt())
                .as("validated again while its correction waits")
                .isEqualTo(3);
        assertThat(reconciliation.waiting(Uuids.fromPath(settings)))
                .as("what each periodic check reconciles again")
                .containsExactly(MONTH);

        bookedOnceAnInvoiceOpens(customer);
    }

    /**
     * A month reconciled by force before Arrow's word, whose second forced run leaves a correction waiting for an open
     * invoice: that sync is validated again (D219), and Arrow's word is still recorded on it when it comes (D236), so
     * the run that books the correction leaves the month reconciled once, not awaiting Arrow again.
     */
    @Test
    void aCorrectionWaitingAfterAForcedReconciliationStillHearsArrowsWord() {
        assertThat(reconcile(true).get("state").asString()).isEqualTo("succeeded");
        String customerRef = customers.keySet().iterator().next();
        String customer = customers.get(customerRef);
        closeTheMonthsAndTheCurrentInvoice(customer);
        String refused = lineReferences(customerRef).get(0);
        fixture.emulator().changeSell(refused, "412.00000");
        assertThat(reconcile(true).get("progress").get("corrections_refused").asInt())
                .isEqualTo(1);
        assertThat(syncOf(refused).get("state").asInt()).isEqualTo(3);

        arrowValidatesTheMonth();

        JsonNode waiting = syncOf(refused);
        assertThat(waiting.get("state").asInt())
                .as("still waiting for an invoice")
                .isEqualTo(3);
        assertThat(waiting.get("arrow_state").asString())
                .as("Arrow's word recorded while it waits")
                .isEqualTo("validated");
        assertThat(waiting.get("validated_at").isNull()).isFalse();
        bookedOnceAnInvoiceOpens(customer);
        assertThat(validation.check(Uuids.fromPath(settings), Progress.NONE).periods())
                .as("nothing left awaiting Arrow's word")
                .isEmpty();
        assertThat(reconciliation.waiting(Uuids.fromPath(settings))).isEmpty();
    }

    /**
     * The operator canceled a customer's invoice of the month: Arrow removing one of its lines credits nothing, on it
     * or on the invoice under way, since the customer was never charged for it; the line is named, and its sync does
     * not wait for an invoice that never comes (D163).
     */
    @Test
    void aMonthWhoseInvoiceWasCanceledIsNotCorrected() {
        arrowValidatesTheMonth();
        String customerRef = customers.keySet().iterator().next();
        String customer = customers.get(customerRef);
        fixture.setInvoiceState(customer, MONTH, "canceled");
        String removed = lineReferences(customerRef).get(0);
        fixture.emulator().removeLine(removed);
        int items = itemsOf(customer);

        JsonNode preview = api.post("/api/admin/arrow/billing-syncs/reconcile_preview/", fixture.period(MONTH))
                .expect(200)
                .json();
        JsonNode job = reconcile(false);

        assertThat(preview.get("customers").findValuesAsString("customer_uuid"))
                .as("nothing booked for it")
                .doesNotContain(customer);
        assertThat(preview.get("corrections_refused").asInt())
                .as("the preview names what the run refuses")
                .isEqualTo(1);
        JsonNode refused = preview.get("refused").get(0);
        assertThat(refused.get("customer_uuid").asString()).isEqualTo(customer);
        assertThat(refused.get("line_reference").asString()).isEqualTo(removed);
        assertThat(refused.get("reason").asString()).contains("was canceled");
        assertThat(refused.get("waits_for_invoice").asBoolean()).isFalse();
        assertThat(refused.get("customer_left_out").asBoolean()).isFalse();
        assertThat(new BigDecimal(refused.get("difference").asString())).isNegative();
        assertThat(job.get("progress").get("corrections_refused").asInt())
                .as(job.toString())
                .isEqualTo(1);
        assertThat(itemsOf(customer)).as("no credit anywhere").isEqualTo(items);
        assertThat(job.get("errors").toString())
                .contains(removed)
                .contains("was canceled")
                .contains("(D163)");
        assertThat(states()).as("nothing waits for an invoice (D108)").containsOnly(4);
        assertThat(reconciliation.waiting(Uuids.fromPath(settings))).isEmpty();
        assertThat(syncOf(lineReferences(customerRef).get(1))
                        .get("error_message")
                        .asString())
                .as("the sync promises no later booking")
                .contains("1 correction was not booked: ")
                .doesNotContain("later reconciliation");
    }

    private JsonNode syncOf(String lineReference) {
        return api.get("/api/admin/arrow/billing-syncs/?page_size=100&settings_uuid=" + settings)
                .expect(200)
                .json()
                .valueStream()
                .filter(sync -> sync.get("items")
                        .findValuesAsString("arrow_line_reference")
                        .contains(lineReference))
                .findFirst()
                .orElseThrow();
    }

    /**
     * A month no sync recorded: its preview said there was nothing to reconcile, and the run, which syncs first (D105),
     * then billed the whole month. The preview counts the lines the run's sync bills and says so; the run bills Arrow's
     * export of the month to the cent.
     */
    @Test
    void thePreviewOfAMonthNeverSyncedCountsTheLinesItsRunBills() {
        YearMonth never = MONTH.minusMonths(1);
        int lines = fixture.emulator().exportLines(never).size();
        assertThat(lines).isPositive();
        String before = ledgerSnapshot();

        JsonNode preview = api.post("/api/admin/arrow/billing-syncs/reconcile_preview/", fixture.period(never))
                .expect(200)
                .json();

        assertThat(ledgerSnapshot()).as("a preview writes nothing").isEqualTo(before);
        assertThat(preview.get("note").asString()).isEqualTo(BillingReconciliation.NOT_SYNCED_YET);
        assertThat(preview.get("syncs").asInt()).isZero();
        assertThat(preview.get("unsynced_lines").asLong())
                .as("every line of the mapped customers, which the run's sync bills")
                .isEqualTo(lines);

        JsonNode booked = fixture.reconcileBilling(never, false);
        assertThat(booked.get("state").asString()).as(booked.toString()).isEqualTo("succeeded");
        assertThat(booked.get("progress").get("sync_lines_synced").asInt()).isEqualTo(lines);
        for (Map.Entry<String, String> customer : customers.entrySet()) {
            assertThat(fixture.arrowChargesAsBilled(customer.getValue(), never))
                    .as("Arrow-sourced amount of %s", customer.getKey())
                    .isEqualByComparingTo(fixture.exportSellAsBilled(never, customer.getKey()));
        }
    }

    @Test
    void thePreviewShowsPerCustomerWhatReconcileThenBooksAndWritesNothing() {
        arrowValidatesTheMonth();
        List<String> refs = List.copyOf(customers.keySet());
        fixture.emulator().changeSell(lineReferences(refs.get(0)).get(0), "999.12345");
        fixture.emulator().removeLine(lineReferences(refs.get(1)).get(0));
        String before = ledgerSnapshot();

        JsonNode preview = api.post("/api/admin/arrow/billing-syncs/reconcile_preview/", fixture.period(MONTH))
                .expect(200)
                .json();

        assertThat(ledgerSnapshot()).as("a preview writes nothing").isEqualTo(before);
        assertThat(preview.get("unsynced_lines").asLong()).isZero();
        assertThat(preview.get("customers").size()).isEqualTo(2);
        assertThat(preview.get("customers").findValuesAsString("invoice_period"))
                .containsOnly(MONTH.toString());
        assertThat(preview.get("customers").findValuesAsString("customer_uuid"))
                .containsExactlyInAnyOrder(customers.get(refs.get(0)), customers.get(refs.get(1)));
        JsonNode removed = preview.get("customers")
                .valueStream()
                .filter(customer -> customer.get("customer_uuid").asString().equals(customers.get(refs.get(1))))
                .findFirst()
                .orElseThrow();
        assertThat(removed.get("lines").get(0).get("reason").asString()).isEqualTo("line_removed");
        assertThat(new BigDecimal(removed.get("total").asString())).isNegative();

        JsonNode booked = reconcile(false);
        assertThat(booked.get("result").get("compensations").asInt()).isEqualTo(2);
        assertThat(new BigDecimal(booked.get("result").get("compensation_total").asString()))
                .as("reconcile books what the preview showed")
                .isEqualByComparingTo(
                        new BigDecimal(preview.get("compensation_total").asString()));
        assertThat(booked.get("result").get("customers").findValuesAsString("customer_uuid"))
                .as("a job's result writes a uuid as the API does (D22)")
                .containsExactlyInAnyOrder(customers.get(refs.get(0)), customers.get(refs.get(1)));

        JsonNode after = api.post("/api/admin/arrow/billing-syncs/reconcile_preview/", fixture.period(MONTH))
                .expect(200)
                .json();
        assertThat(after.get("customers").size()).as("nothing left to book").isZero();
        api.post("/api/admin/arrow/billing-syncs/reconcile_preview/", Map.of("year", MONTH.getYear()))
                .expect(400);
    }

    /**
     * D171: the month under way is not reconciled, forced or not: its syncs would be frozen at amounts Arrow still
     * changes, and its later changes booked nowhere until it is validated and reconciled again.
     */
    @Test
    void theMonthUnderWayIsNotReconciled() {
        YearMonth current = TestClock.currentMonth();
        fixture.syncedBilling(current);
        Map<String, Object> forced = fixture.period(current);
        forced.put("force", true);
        String before = ledgerSnapshot();

        for (String action : List.of("reconcile", "reconcile_preview", "trigger_reconciliation")) {
            JsonNode refused = api.post("/api/admin/arrow/billing-syncs/" + action + "/", forced)
                    .expect(400)
                    .json();
            assertThat(refused.get("month").get(0).asString()).as(action).contains("is under way");
        }
        assertThat(ledgerSnapshot()).isEqualTo(before);
        assertThat(states()).doesNotContain(4);
    }

    /** Everything a reconciliation writes: invoice items, line compensations, sync states and errors, claims. */
    private String ledgerSnapshot() {
        return jdbc.sql("""
                        select (select count(*) || ':' || coalesce(sum(unit_price * quantity), 0) from invoice_items) || '|'
                               || (select coalesce(sum(compensated), 0) || ':' || count(compensation_item_id) from billing_sync_items) || '|'
                               || (select string_agg(state || error_message || coalesce(reconciled_at::text, ''), ',' order by id) from billing_syncs)
                               || '|' || (select count(*) from license_billing) || '|' || (select count(*) from invoices)""").query(String.class).single();
    }

    @Test
    void compensationsForAClosedMonthGoToTheCurrentInvoiceNamingTheMonth() {
        arrowValidatesTheMonth();
        String customerRef = customers.keySet().iterator().next();
        String customer = customers.get(customerRef);
        String closed = api.get("/api/invoices/?customer_uuid=" + customer + "&year=" + MONTH.getYear() + "&month="
                        + MONTH.getMonthValue())
                .expect(200)
                .json()
                .get(0)
                .get("uuid")
                .asString();
        api.post("/api/invoices/" + closed + "/set_state/", Map.of("state", "created"))
                .expect(200);
        String closedTotal =
                api.get("/api/invoices/" + closed + "/").expect(200).text("total");

        String credited = lineReferences(customerRef).get(0);
        fixture.emulator().changeSell(credited, "0.00000");
        assertThat(reconcile(false).get("state").asString()).isEqualTo("succeeded");

        assertThat(api.get("/api/invoices/" + closed + "/").expect(200).text("total"))
                .isEqualTo(closedTotal);
        YearMonth current = TestClock.currentMonth();
        JsonNode later = api.get("/api/invoices/?customer_uuid=" + customer + "&year=" + current.getYear() + "&month="
                        + current.getMonthValue())
                .expect(200)
                .json()
                .get(0);
        JsonNode compensation = later.get("items")
                .valueStream()
                .filter(item -> MONTH.toString()
                        .equals(item.get("details").path("original_period").asString("")))
                .findFirst()
                .orElseThrow();
        assertThat(compensation.get("name").asString())
                .as("D23: the correction names the Arrow line it corrects")
                .contains("line " + credited + ": credit for " + MONTH + ")");
        assertThat(compensation.get("details").get("original_period").asString())
                .isEqualTo(MONTH.toString());
        assertThat(compensation.get("start").asString())
                .isEqualTo(MONTH.atDay(1).toString());
        assertArrowAmountsMatchTheExport();
    }

    @Test
    void aMappingPointedAtAnotherCustomerLeavesTheMonthsCorrectionsWithTheCustomerItBilled() {
        arrowValidatesTheMonth();
        String customerRef = customers.keySet().iterator().next();
        String billed = customers.get(customerRef);
        String movedTo = fixture.customer("Moved to");
        pointMapping(customerRef, movedTo);
        String credited = lineReferences(customerRef).get(0);
        fixture.emulator().changeSell(credited, "0.00000");

        JsonNode job = reconcile(false);

        assertThat(job.get("result").get("compensations").asInt())
                .as(job.toString())
                .isEqualTo(1);
        assertThat(itemsOf(movedTo))
                .as("the customer the mapping bills from now on gets no correction of a line it was never billed")
                .isZero();
        assertThat(api.get("/api/invoice-items/?customer_uuid=" + billed)
                        .expect(200)
                        .json()
                        .valueStream()
                        .filter(item -> item.get("name").asString().contains("line " + credited + ": credit"))
                        .count())
                .isEqualTo(1);
        assertArrowAmountsMatchTheExport();
    }

    @Test
    void aMappingPointedElsewhereLeavesItsBilledLinesPricedByTheirCustomersRules() {
        String customerRef = customers.keySet().iterator().next();
        String movedTo = fixture.customer("Moved to");
        pointMapping(customerRef, movedTo);
        // the mapping's rule: it prices what the mapping's customer is billed, now the customer it was pointed at
        fixture.markupRule(customerRef, MONTH.minusMonths(1), "50");

        JsonNode job = fixture.syncedBilling(MONTH);

        assertThat(job.get("progress").get("lines_unchanged").asLong())
                .as("the month's lines stay as their customer's rules priced them (D100): " + job)
                .isEqualTo(job.get("progress").get("lines_synced").asLong());
        assertThat(itemsOf(movedTo)).isZero();
        assertArrowAmountsMatchTheExport();
    }

    /**
     * D125: a mapping with a price rule keeps its customer: pointed elsewhere, it would take the rule along, re-pricing
     * the months still open of the customer it billed without it. Its other fields still change.
     */
    @Test
    void aMappingWithAPriceRuleIsNotPointedAtAnotherCustomer() {
        String customerRef = customers.keySet().iterator().next();
        fixture.markupRule(customerRef, MONTH.minusMonths(1), "20");
        fixture.syncedBilling(MONTH);
        String mapping = "/api/admin/arrow/customer-mappings/" + fixture.mapping(customerRef) + "/";

        JsonNode refused = api.patch(mapping, Map.of("waldur_customer", fixture.customer("Moved to")))
                .expect(409)
                .json();

        assertThat(refused.toString()).contains("price rule");
        assertThat(api.get(mapping)
                        .expect(200)
                        .json()
                        .get("waldur_customer_uuid")
                        .asString())
                .isEqualTo(customers.get(customerRef));
        api.patch(mapping, Map.of("arrow_company_name", "Renamed")).expect(200);
        JsonNode job = fixture.syncedBilling(MONTH);
        assertThat(job.get("progress").get("lines_unchanged").asLong())
                .as("the month stays priced by its customer's rule: " + job)
                .isEqualTo(job.get("progress").get("lines_synced").asLong());
    }

    @Test
    void aLineNewAfterItsMappingWasPointedElsewhereBillsTheCustomerItsStatementBilled() {
        String customerRef = customers.keySet().iterator().next();
        String billed = customers.get(customerRef);
        String movedTo = fixture.customer("Moved to");
        pointMapping(customerRef, movedTo);
        String license = fixture.licenseOf(lineReferences(customerRef).get(0));
        String added = fixture.emulator().addLine(license, MONTH, "12.50000", "10.00000");

        fixture.syncedBilling(MONTH);

        assertThat(invoicedTo(added))
                .as("a new line of the month's statement goes where the statement's other lines went (D100)")
                .isEqualTo(billed);
        arrowValidatesTheMonth();
        fixture.emulator().changeSell(added, "0.00000");
        assertThat(reconcile(false).get("result").get("compensations").asInt()).isEqualTo(1);
        assertThat(itemsOf(movedTo))
                .as("the customer the mapping bills from now on is neither billed nor credited for the month")
                .isZero();
        assertArrowAmountsMatchTheExport();
    }

    /** How many invoice items the operator customer has (on the first page). */
    private int itemsOf(String customer) {
        return api.get("/api/invoice-items/?customer_uuid=" + customer)
                .expect(200)
                .json()
                .size();
    }

    private void pointMapping(String customerRef, String customer) {
        api.patch(
                        "/api/admin/arrow/customer-mappings/" + fixture.mapping(customerRef) + "/",
                        Map.of("waldur_customer", customer))
                .expect(200);
    }

    /** The operator customer whose invoice carries the line's own item. */
    /** The customer's invoice under way opened again: the next reconciliation books the correction left out, once. */
    private void bookedOnceAnInvoiceOpens(String customer) {
        reopenTheCurrentInvoice(customer);
        assertThat(reconcile(false).get("result").get("compensations").asInt())
                .as("the correction left out, now that an invoice takes it")
                .isEqualTo(1);
        assertThat(states()).containsOnly(4);
        assertThat(reconciliation.waiting(Uuids.fromPath(settings))).isEmpty();
        assertArrowAmountsMatchTheExport();
    }

    /** The customer's invoices of the month and of the month under way closed: a correction has nowhere to go (D94). */
    private void closeTheMonthsAndTheCurrentInvoice(String customer) {
        fixture.closeInvoice(customer, MONTH);
        invoices.openInvoiceFor(Uuids.fromPath(customer), MONTH);
        fixture.closeInvoice(customer, TestClock.currentMonth());
    }

    /** The customer's invoice of the month under way open again (it is Waldur's, whose staff may reopen it). */
    private void reopenTheCurrentInvoice(String customer) {
        jdbc.sql("""
                        update invoices set state = 'pending' where customer_id = (select id from customers where uuid = ?::uuid)
                        and year = ? and month = ?""")
                .params(
                        customer,
                        TestClock.currentMonth().getYear(),
                        TestClock.currentMonth().getMonthValue())
                .update();
    }

    private String invoicedTo(String lineReference) {
        return jdbc.sql("""
                        select replace(c.uuid::text, '-', '') from billing_sync_items t join invoice_items it on it.id = t.invoice_item_id
                        join invoices i on i.id = it.invoice_id join customers c on c.id = i.customer_id
                        where t.arrow_line_reference = ?""").param(lineReference).query(String.class).single();
    }

    /**
     * A line Arrow changed after its invoice was closed, in a month not validated yet: no sync corrects it (the
     * reconciliation does, once Arrow validates the month), and the sync said nothing of it. The sync that sees the
     * change names it, with what it billed and Arrow's amount now; the reconciliation then books the difference.
     */
    @Test
    void aLineChangedAfterItsInvoiceWasClosedIsNamedByTheSyncThatSeesIt() {
        String customerRef = customers.keySet().iterator().next();
        String customer = customers.get(customerRef);
        fixture.closeInvoice(customer, MONTH);
        String changed = lineReferences(customerRef).get(0);
        fixture.emulator().changeSell(changed, "999.12345");
        // a canceled month is corrected by nothing (D163): its changed line waits for no reconciliation
        String canceledRef = List.copyOf(customers.keySet()).get(1);
        fixture.setInvoiceState(customers.get(canceledRef), MONTH, "canceled");
        String unbilled = lineReferences(canceledRef).get(0);
        fixture.emulator().changeSell(unbilled, "777.00000");

        JsonNode sync = fixture.syncedBilling(MONTH);

        assertThat(sync.get("progress").get("lines_awaiting_reconciliation").asInt())
                .as(sync.toString())
                .isEqualTo(1);
        assertThat(sync.get("errors").toString()).doesNotContain(unbilled);
        assertThat(sync.get("errors").toString())
                .contains("Line " + changed + " of ")
                .containsPattern("billed \\d+\\.\\d\\d, Arrow's now 999.12;")
                .contains("once Arrow validates the month");
        arrowValidatesTheMonth();
        assertThat(reconcile(false).get("result").get("compensations").asInt()).isEqualTo(1);
        assertThat(fixture.arrowChargesAsBilled(customer, MONTH))
                .as("the issued month corrected, on the current invoice")
                .isEqualByComparingTo(fixture.exportSellAsBilled(MONTH, customerRef));
    }

    /**
     * D262: a line Arrow dropped after its invoice was closed is named by the sync that sees it go, with what it
     * billed, as a changed one is (D223); the reconciliation then credits it. Not on a canceled invoice, which bills
     * nothing.
     */
    @Test
    void aLineDroppedAfterItsInvoiceWasClosedIsNamedByTheSyncThatSeesIt() {
        String customerRef = customers.keySet().iterator().next();
        String customer = customers.get(customerRef);
        fixture.closeInvoice(customer, MONTH);
        String dropped = lineReferences(customerRef).get(0);
        fixture.emulator().removeLine(dropped);
        String canceledRef = List.copyOf(customers.keySet()).get(1);
        fixture.setInvoiceState(customers.get(canceledRef), MONTH, "canceled");
        String unbilled = lineReferences(canceledRef).get(0);
        fixture.emulator().removeLine(unbilled);
        try {
            JsonNode sync = fixture.syncedBilling(MONTH);

            assertThat(sync.get("progress").get("lines_awaiting_reconciliation").asInt())
                    .as(sync.toString())
                    .isEqualTo(1);
            assertThat(sync.get("errors").toString())
                    .doesNotContain(unbilled)
                    .contains("Line " + dropped + " of ")
                    .containsPattern("no longer in Arrow's export since its invoice of " + MONTH
                            + " was closed: billed \\d+\\.\\d\\d;");
            arrowValidatesTheMonth();
            assertThat(reconcile(false).get("result").get("compensations").asInt())
                    .isEqualTo(1);
            assertThat(fixture.arrowChargesAsBilled(customer, MONTH))
                    .as("the issued month credited, on the current invoice")
                    .isEqualByComparingTo(fixture.exportSellAsBilled(MONTH, customerRef));
        } finally {
            fixture.emulator().restoreLine(dropped);
            fixture.emulator().restoreLine(unbilled);
        }
    }

    /**
     * An operator issued a customer's invoice while a sync that had read it open (as a run reads its invoices as it
     * begins) was about to write to it: the sync failed whole, "Invoice … is created and cannot be changed", nothing
     * written. It runs again with the invoices as they are now, and the line goes on the customer's current invoice
     * (D7, D222).
     */
    @Test
    void anInvoiceClosedUnderARunningSyncMakesTheSyncRunAgain() throws InterruptedException {
        String customerRef = customers.keySet().iterator().next();
        String customer = customers.get(customerRef);
        String late = fixture.emulator()
                .addLine(fixture.licenseOf(lineReferences(customerRef).get(0)), MONTH, "12.50000", "10.00000");
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"latency\",\"latencyMs\":3000,\"probability\":1}");
        String job = api.post("/api/admin/arrow/billing-syncs/trigger_sync/", fixture.period(MONTH))
                .expect(202)
                .text("uuid");
        Jobs.awaitState(api, job, "running");
        Thread.sleep(1000); // the run has read its invoices and waits for Arrow's first page
        fixture.closeInvoice(customer, MONTH);
        fixture.emulator().clearFaults();

        JsonNode finished = Jobs.await(api, job);

        assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("succeeded");
        assertThat(finished.get("attempts").asInt()).as("run again once").isEqualTo(2);
        assertThat(api.get("/api/invoices/?customer_uuid=" + customer + "&year="
                                + TestClock.currentMonth().getYear() + "&month="
                                + TestClock.currentMonth().getMonthValue())
                        .expect(200)
                        .json()
                        .get(0)
                        .get("items")
                        .toString())
                .as("the line on the customer's current invoice")
                .contains(late);
        assertThat(invoicedTo(late)).isEqualTo(customer);
    }

    @Test
    void forceReconcilesASyncedMonthAndItsSyncsBecomeReconciledEvenWithoutDifferences() {
        String customerRef = customers.keySet().iterator().next();
        fixture.emulator().changeSell(lineReferences(customerRef).get(0), "1.23000");
        JsonNode forced = reconcile(true);
        assertThat(forced.get("state").asString()).as(forced.toString()).isEqualTo("succeeded");
        assertThat(forced.get("result").get("compensations").asInt())
                .as("D4: force works on synced syncs")
                .isEqualTo(1);
        assertThat(states())
                .as("D6: syncs without differences become reconciled too")
                .containsOnly(4);
        assertArrowAmountsMatchTheExport();
    }

    @Test
    void aMonthReconciledByForceBeforeArrowSaidItWasFinalIsReconciledAgainOnceItIs() {
        assertThat(reconcile(true).get("state").asString()).isEqualTo("succeeded");
        assertThat(states()).containsOnly(4);
        String changed = lineReferences(customers.keySet().iterator().next()).get(0);
        fixture.emulator().changeSell(changed, "321.00000");
        fixture.syncedBilling(MONTH);

        fixture.emulator().setClock(TestClock.now());
        BillingValidation.ValidationReport validated = validation.check(Uuids.fromPath(settings), Progress.NONE);

        assertThat(validated.periods())
                .as("D107: the month to reconcile again, now that Arrow says it is final")
                .containsExactly(MONTH.toString());
        assertThat(states()).as("its syncs stay reconciled").containsOnly(4);
        assertThat(arrowStates()).containsExactly("validated");
        assertThat(reconciliation.waiting(Uuids.fromPath(settings)))
                .as("retried by each check until it is reconciled")
                .containsExactly(MONTH);
        JsonNode booked = reconcile(false);
        assertThat(booked.get("result").get("compensations").asInt())
                .as("%s corrected to Arrow's final amount", changed)
                .isEqualTo(1);
        assertArrowAmountsMatchTheExport();
        assertThat(validation.check(Uuids.fromPath(settings), Progress.NONE).periods())
                .as("validated once")
                .isEmpty();
        assertThat(reconciliation.waiting(Uuids.fromPath(settings))).isEmpty();
    }

    /**
     * D224: a final export that lists none of a customer's lines, while it lists the others', credits nothing of that
     * customer: the reconciliation says so and looks again next time, until Arrow lists the customer again or the
     * operator forces the run, which credits its lines.
     */
    @Test
    void aCustomerTheFinalExportLeavesOutWholeIsCreditedOnlyByAForcedReconciliation() {
        arrowValidatesTheMonth();
        List<String> refs = List.copyOf(customers.keySet());
        String leftOut = refs.get(0);
        List<String> lines = lineReferences(leftOut, "%");
        BigDecimal billed = fixture.arrowChargesAsBilled(customers.get(leftOut), MONTH);
        lines.forEach(line -> fixture.emulator().removeLine(line));
        fixture.emulator().changeSell(lineReferences(refs.get(1)).get(0), "999.12345");

        JsonNode preview = api.post("/api/admin/arrow/billing-syncs/reconcile_preview/", fixture.period(MONTH))
                .expect(200)
                .json();
        assertThat(preview.get("customers").findValuesAsString("customer_uuid"))
                .containsExactly(customers.get(refs.get(1)));
        assertThat(preview.get("refused").findValuesAsString("customer_uuid"))
                .hasSize(lineReferences(leftOut).size())
                .containsOnly(customers.get(leftOut));
        assertThat(preview.get("refused").get(0).get("reason").asString()).contains("lists none of this customer's");
        assertThat(preview.get("refused")
                        .valueStream()
                        .map(refused -> refused.get("customer_left_out").asBoolean()))
                .containsOnly(true);

        JsonNode job = reconcile(false);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("compensations").asInt())
                .as("the other customer's correction is booked")
                .isEqualTo(1);
        assertThat(job.get("progress").get("customers_left_out").asInt()).isEqualTo(1);
        assertThat(job.get("errors").toString())
                .contains("lists none of the " + lines.size() + " lines billed to")
                .contains("a forced reconciliation credits them")
                .as("the reconciliation and its own sync say it once")
                .containsOnlyOnce("lists none of the");
        assertThat(fixture.arrowChargesAsBilled(customers.get(leftOut), MONTH))
                .as("nothing credited")
                .isEqualByComparingTo(billed);
        JsonNode sync = syncOf(lines.get(0));
        assertThat(sync.get("state").asInt())
                .as("looked at again by the next check")
                .isEqualTo(3);
        assertThat(sync.get("error_message").asString())
                .contains("lists none of its " + sync.get("items").size() + " lines");
        assertThat(reconciliation.waiting(Uuids.fromPath(settings))).containsExactly(MONTH);

        lines.forEach(line -> fixture.emulator().restoreLine(line));
        JsonNode listedAgain = reconcile(false);
        assertThat(listedAgain.get("result").get("compensations").asInt())
                .as(listedAgain.toString())
                .isZero();
        assertThat(states()).as("Arrow lists the customer again").containsOnly(4);
        assertThat(syncOf(lines.get(0)).get("error_message").asString()).isEmpty();

        lines.forEach(line -> fixture.emulator().removeLine(line));
        assertThat(reconcile(false).get("result").get("compensations").asInt()).isZero();
        JsonNode forced = reconcile(true);
        assertThat(forced.get("result").get("compensations").asInt())
                .as(forced.toString())
                .isEqualTo(lineReferences(leftOut).size());
        assertThat(fixture.arrowChargesAsBilled(customers.get(leftOut), MONTH)).isZero();
        assertArrowAmountsMatchTheExport();
        assertThat(states()).containsOnly(4);
    }

    /**
     * D224 before Arrow validates the month: a re-sync whose export lists none of a customer's lines removes none of
     * them, and says so; another customer's dropped line is removed as before.
     */
    @Test
    void aSyncWhoseExportLeavesACustomerOutWholeRemovesNoneOfItsLines() {
        List<String> refs = List.copyOf(customers.keySet());
        String leftOut = refs.get(0);
        List<String> lines = lineReferences(leftOut, "%");
        BigDecimal billed = fixture.arrowChargesAsBilled(customers.get(leftOut), MONTH);
        lines.forEach(line -> fixture.emulator().removeLine(line));
        fixture.emulator().removeLine(lineReferences(refs.get(1)).get(0));

        JsonNode job = fixture.syncBilling(MONTH);

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("progress").get("customers_left_out").asInt()).isEqualTo(1);
        assertThat(job.get("errors").toString())
                .contains("lists none of the " + lines.size() + " lines billed to")
                .contains("nothing was removed or credited");
        assertThat(fixture.arrowChargesAsBilled(customers.get(leftOut), MONTH))
                .as("nothing removed")
                .isEqualByComparingTo(billed);
        assertThat(syncOf(lines.get(0)).get("error_message").asString()).contains("lists none of its");
        assertThat(fixture.arrowChargesAsBilled(customers.get(refs.get(1)), MONTH))
                .as("the other customer's dropped line is removed")
                .isEqualByComparingTo(fixture.exportSellAsBilled(MONTH, refs.get(1)));

        // Arrow validates the month: the reconciliation's own sync and the reconciliation say it in the same words
        fixture.emulator().setClock(TestClock.now());
        JsonNode reconciled = reconcile(false);
        assertThat(reconciled.get("progress").get("sync_customers_left_out").asInt())
                .as(reconciled.toString())
                .isEqualTo(1);
        assertThat(reconciled.get("progress").get("customers_left_out").asInt()).isEqualTo(1);
        assertThat(reconciled.get("errors").toString()).containsOnlyOnce("lists none of the");
        assertThat(fixture.arrowChargesAsBilled(customers.get(leftOut), MONTH)).isEqualByComparingTo(billed);
    }

    /**
     * D224 is of a customer left out whole: one of whose vendor programs Arrow still lists has the other's credited.
     */
    @Test
    void aCustomerWithLinesInAnotherVendorProgramHasItsDroppedLinesCredited() {
        arrowValidatesTheMonth();
        JsonNode syncs = api.get("/api/admin/arrow/billing-syncs/?page_size=100&settings_uuid=" + settings)
                .expect(200)
                .json();
        JsonNode dropped = syncs.valueStream()
                .filter(sync -> syncs.valueStream()
                                .filter(other ->
                                        other.get("customer_mapping_uuid").equals(sync.get("customer_mapping_uuid")))
                                .count()
                        > 1)
                .findFirst()
                .orElseThrow();
        dropped.get("items").findValuesAsString("arrow_line_reference").forEach(fixture.emulator()::removeLine);

        JsonNode job = reconcile(false);

        assertThat(job.get("progress").has("customers_left_out"))
                .as(job.toString())
                .isFalse();
        assertThat(job.get("result").get("compensations").asInt()).isPositive();
        assertThat(states()).as("nothing held").containsOnly(4);
        assertArrowAmountsMatchTheExport();
    }

    /**
     * D224 counts a customer listed by any line of its in the export: one of a validated sync lists it too, so the
     * lines Arrow dropped from its other vendor program, still synced, are removed from the invoice under way (D237).
     */
    @Test
    void aCustomerListedOnlyByTheLinesOfAValidatedSyncHasItsOtherSyncsDroppedLinesRemoved() {
        JsonNode syncs = api.get("/api/admin/arrow/billing-syncs/?page_size=100&settings_uuid=" + settings)
                .expect(200)
                .json();
        List<JsonNode> twoPrograms = syncs.valueStream()
                .filter(sync -> syncs.valueStream()
                                .filter(other ->
                                        other.get("customer_mapping_uuid").equals(sync.get("customer_mapping_uuid")))
                                .count()
                        > 1)
                .toList();
        JsonNode kept = twoPrograms.get(0);
        JsonNode dropped = twoPrograms.stream()
                .filter(sync -> sync.get("customer_mapping_uuid").equals(kept.get("customer_mapping_uuid"))
                        && !sync.get("uuid").equals(kept.get("uuid")))
                .findFirst()
                .orElseThrow();
        // Arrow's Validation Date on each of the kept sync's lines alone validates it (D6); the emulator dates a
        // month's
        // lines together, so the check's outcome is written as it would leave it
        jdbc.sql("""
                        update billing_syncs set state = 3, arrow_state = 'validated', lines_validated = true,
                               validated_at = now() where uuid = ?::uuid""").param(kept.get("uuid").asString()).update();
        List<String> droppedLines = dropped.get("items").findValuesAsString("arrow_line_reference");
        droppedLines.forEach(fixture.emulator()::removeLine);

        JsonNode job = fixture.syncBilling(MONTH);

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("progress").has("customers_left_out"))
                .as("listed by its validated sync's lines")
                .isFalse();
        assertThat(job.get("result").get("lines_removed").asInt()).isEqualTo(droppedLines.size());
        assertArrowAmountsMatchTheExport();
    }

    /** A row the reconciliation's own sync found unreadable, and the reconciliation after it, is listed once. */
    @Test
    void aLineProblemTheReconciliationAndItsOwnSyncMeetIsListedOnce() {
        arrowValidatesTheMonth();
        String garbled = lineReferences(customers.keySet().iterator().next()).get(0);
        fixture.emulator().garble(garbled, true);

        JsonNode job = reconcile(false);

        assertThat(job.get("progress").get("invalid_lines").asInt())
                .as("met by both: %s", job)
                .isEqualTo(1);
        assertThat(job.get("progress").get("sync_invalid_lines").asInt()).isEqualTo(1);
        assertThat(job.get("errors")
                        .valueStream()
                        .filter(error -> error.asString().contains(garbled)))
                .hasSize(1);
        assertThat(job.get("progress").get("errors").asInt()).as("each counted").isEqualTo(2);
    }

    @Test
    void syncedMonthsNeedForceAndAnEmptyExportChangesNothing() {
        JsonNode notValidated = reconcile(false);
        assertThat(notValidated.get("result").get("syncs").asInt()).isZero();
        assertThat(states()).containsOnly(2);

        BigDecimal billedBefore = arrowAmountTotal();
        for (String customerRef : customers.keySet()) {
            lineReferences(customerRef, "%").forEach(line -> fixture.emulator().removeLine(line));
        }
        JsonNode empty = reconcile(true);
        assertThat(empty.get("state").asString()).isEqualTo("failed");
        assertThat(empty.get("error_message").asString()).contains("no billing lines");
        assertThat(states()).containsOnly(2);
        JsonNode sync = api.get("/api/admin/arrow/billing-syncs/?settings_uuid=" + settings)
                .expect(200)
                .json()
                .get(0);
        assertThat(sync.get("error_message").asString()).contains("no billing lines");

        JsonNode resync = fixture.syncBilling(MONTH);
        assertThat(resync.get("state").asString())
                .as("D3: an empty export never wipes a billed month")
                .isEqualTo("failed");
        assertThat(arrowAmountTotal()).isPositive().isEqualByComparingTo(billedBefore);
    }

    /** D3 for a month Arrow validated: an empty export is said to be one, not a sync that found nothing to change. */
    @Test
    void anEmptyExportOfAValidatedMonthFailsItsSyncAndSaysSo() {
        arrowValidatesTheMonth();
        assertThat(states()).containsOnly(3);
        for (String customerRef : customers.keySet()) {
            lineReferences(customerRef, "%").forEach(line -> fixture.emulator().removeLine(line));
        }

        JsonNode resync = fixture.syncBilling(MONTH);

        assertThat(resync.get("state").asString()).as(resync.toString()).isEqualTo("failed");
        assertThat(resync.get("error_message").asString()).contains("no billing lines");
        assertThat(states()).containsOnly(3);
    }

    @Test
    void statementsWithoutStatusLeaveTheDecisionToTheCalendar() {
        // Synced while Arrow still validates the month: its lines carry no Validation Date
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        assertThat(states()).as("Needs Validation: Arrow says wait").containsOnly(2);

        fixture.emulator().fault("{\"family\":\"statements\",\"kind\":\"missing_status\",\"count\":5}");
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        assertThat(states())
                .as("no status says nothing; the month ended more than the grace ago")
                .containsOnly(3);
        assertThat(arrowStates()).containsExactly("validated_by_calendar");
    }

    @Test
    void anExportWithRowsMissingFromAPageReconcilesNothing() {
        BigDecimal billedBefore = arrowAmountTotal();
        fixture.emulator()
                .changeSell(lineReferences(customers.keySet().iterator().next()).get(0), "1.23000");
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"short_page\",\"count\":5}");
        JsonNode job = reconcile(true);
        assertThat(job.get("state").asString()).isEqualTo("failed");
        assertThat(job.get("error_message").asString()).contains("short page 1", "incomplete");
        assertThat(states()).containsOnly(2);
        assertThat(arrowAmountTotal()).isEqualByComparingTo(billedBefore);
    }

    /** Arrow's statements of the month become Fulfilled; the periodic check validates its syncs. */
    /** A sync's answer, in a list or alone, shows each of its items as the item's own answer does. */
    private void assertSyncsEmbedTheirItemsAsTheItemsAnswer() {
        List<String> shown = List.of(
                "uuid",
                "arrow_line_reference",
                "invoice_item_uuid",
                "original_price",
                "compensation_item_uuid",
                "vendor_name",
                "subscription_reference",
                "classification",
                "description",
                "quantity",
                "created");
        JsonNode syncs = api.get("/api/admin/arrow/billing-syncs/?settings_uuid=" + settings + "&page_size=100")
                .expect(200)
                .json();
        List<JsonNode> embedded = syncs.valueStream()
                .flatMap(sync -> sync.get("items").valueStream())
                .toList();
        assertThat(embedded)
                .hasSize(jdbc.sql("""
                        select count(*) from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid""").param(settings).query(Integer.class).single());
        assertThat(embedded)
                .anyMatch(item -> !item.get("compensation_item_uuid").isNull());
        for (JsonNode item : embedded) {
            JsonNode own = api.get("/api/admin/arrow/billing-sync-items/"
                            + item.get("uuid").asString() + "/")
                    .expect(200)
                    .json();
            for (String field : shown) {
                assertThat(item.get(field)).as(field).isEqualTo(own.get(field));
            }
            assertThat(item.propertyNames()).containsExactlyInAnyOrderElementsOf(shown);
        }
        JsonNode first = syncs.get(0);
        assertThat(api.get("/api/admin/arrow/billing-syncs/" + first.get("uuid").asString() + "/")
                        .expect(200)
                        .json()
                        .get("items"))
                .isEqualTo(first.get("items"));
    }

    private void arrowValidatesTheMonth() {
        fixture.emulator().setClock(TestClock.now());
        validation.check(Uuids.fromPath(settings), Progress.NONE);
    }

    private JsonNode reconcile(boolean force) {
        return fixture.reconcileBilling(MONTH, force);
    }

    /** Each customer's month is billed every line of Arrow's export, each rounded as its invoice bills it (D169). */
    private void assertArrowAmountsMatchTheExport() {
        for (Map.Entry<String, String> customer : customers.entrySet()) {
            assertThat(fixture.arrowChargesAsBilled(customer.getValue(), MONTH))
                    .as("Arrow-sourced amount of %s", customer.getKey())
                    .isEqualByComparingTo(fixture.exportSellAsBilled(MONTH, customer.getKey()));
        }
    }

    private BigDecimal syncSellTotal(String customerRef) {
        return jdbc.sql("""
                        select coalesce(sum(b.sell_total), 0) from billing_syncs b
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and m.arrow_reference = ? and b.report_period = ?""")
                .params(settings, customerRef, MONTH.toString())
                .query(BigDecimal.class)
                .single();
    }

    /** What the month's syncs of these settings keep of Arrow's priced amount, less what they bill (the month page). */
    private BigDecimal yetToBill() {
        return jdbc.sql("""
                        select coalesce(sum(b.arrow_amount - b.billed), 0) from billing_syncs b
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and b.report_period = ?""")
                .params(settings, MONTH.toString())
                .query(BigDecimal.class)
                .single();
    }

    private BigDecimal arrowAmountTotal() {
        return jdbc.sql("""
                        select coalesce(sum(it.unit_price * it.quantity), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customer_mappings m on m.customer_id = i.customer_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid""").param(settings).query(BigDecimal.class).single();
    }

    private List<String> arrowStates() {
        return jdbc.sql("""
                        select distinct b.arrow_state from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid""").param(settings).query(String.class).list();
    }

    private List<Integer> states() {
        return jdbc.sql("""
                        select b.state from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid""").param(settings).query(Integer.class).list();
    }

    private List<String> lineReferences(String customerRef) {
        return lineReferences(customerRef, "invoice");
    }

    private List<String> lineReferences(String customerRef, String billedVia) {
        return fixture.lineReferences(customerRef, billedVia);
    }
}
