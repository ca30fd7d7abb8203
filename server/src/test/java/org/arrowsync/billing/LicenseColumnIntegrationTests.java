package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.emulator.http.ExportTemplates;
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
 * D69: an export template without {@code ARS Subscription ID} gives lines that name no license. The billing sync never
 * bills such lines of a customer whose license consumption tracking bills that month (it refuses the month, writing
 * nothing, and says why), and consumption tracking never bills a license of a customer whose month the billing sync
 * billed through such lines. Without consumption tracking the template bills as any other.
 */
class LicenseColumnIntegrationTests extends IntegrationTest {

    private static final YearMonth CLOSED = TestClock.closedMonth();
    private static final String WITHOUT_LICENSE = ExportTemplates.NO_LICENSE_REFERENCE;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @BeforeEach
    void arrowStillValidates() {
        fixture.arrowStillValidates(CLOSED);
    }

    @Test
    void aMonthConsumptionTrackingBillsIsRefusedWhileItsLinesNameNoLicense() {
        fixture.settings(WITHOUT_LICENSE);
        Map<String, String> licenses = fixture.trackedResources(1);
        String arrowCustomer = fixture.customers().keySet().iterator().next();
        String customer = fixture.customers().get(arrowCustomer);
        String heldBack = licenses.keySet().stream()
                .filter(license -> !fixture.emulator().lines(license, CLOSED).isEmpty())
                .findFirst()
                .orElseThrow();
        String heldBackLine = fixture.emulator().lines(heldBack, CLOSED).get(0).lineReference();
        fixture.emulator().garble(heldBackLine, true);
        fixture.succeeded("trigger_consumption_sync", CLOSED);
        BigDecimal byConsumption = fixture.arrowCharges(customer, CLOSED);
        assertThat(byConsumption).as("consumption tracking billed the month").isPositive();

        assertRefused(fixture.syncBilling(CLOSED), arrowCustomer);
        assertThat(fixture.arrowCharges(customer, CLOSED))
                .as("no second charge")
                .isEqualByComparingTo(byConsumption);
        assertThat(syncMessages()).as("nothing written").isEmpty();

        // With the column the month bills as D2 says; a line unreadable meanwhile waits.
        useTemplate(ExportTemplates.ALT_REFERENCE);
        fixture.syncedBilling(CLOSED);
        BigDecimal billed = fixture.arrowCharges(customer, CLOSED);
        assertThat(billed).isGreaterThan(byConsumption);

        // Back to the template without it, a new line (readable now) names no license: refused, said on the syncs.
        useTemplate(WITHOUT_LICENSE);
        fixture.emulator().garble(heldBackLine, false);
        assertRefused(fixture.syncBilling(CLOSED), arrowCustomer);
        assertThat(fixture.arrowCharges(customer, CLOSED))
                .as("the invoice is as the last good run left it, to the cent")
                .isEqualByComparingTo(billed);
        assertThat(syncMessages())
                .as("the month's syncs say why")
                .isNotEmpty()
                .allSatisfy(message -> assertRefusal(message, arrowCustomer));
    }

    @Test
    void consumptionTrackingTurnedOnLaterLeavesAMonthBilledWithoutLicensesToTheBillingSync() {
        fixture.settings(WITHOUT_LICENSE);
        fixture.activeSettings();
        String arrowCustomer = fixture.mapCustomers(1).keySet().iterator().next();
        String customer = fixture.customers().get(arrowCustomer);
        fixture.syncedBilling(CLOSED);
        BigDecimal exported = fixture.exportSell(CLOSED, arrowCustomer);
        assertThat(fixture.arrowCharges(customer, CLOSED))
                .as("without consumption tracking every line bills")
                .isEqualByComparingTo(exported);

        Map<String, String> tracked = fixture.trackedResources(1);
        assertThat(tracked).isNotEmpty();
        JsonNode consumption =
                fixture.succeeded("trigger_consumption_sync", CLOSED).get("result");
        assertThat(consumption.get("billed_by_billing_sync").asInt())
                .as(consumption.toString())
                .isPositive();
        assertThat(consumption.get("synced").asInt()).as(consumption.toString()).isZero();
        assertThat(fixture.arrowCharges(customer, CLOSED))
                .as("consumption tracking bills none of the licenses those lines may be")
                .isEqualByComparingTo(exported);
        fixture.succeeded("trigger_reconciliation", CLOSED);
        assertThat(fixture.arrowCharges(customer, CLOSED))
                .as("nor does its finalisation")
                .isEqualByComparingTo(exported);
        assertThat(fixture.syncedBilling(CLOSED).get("state").asString()).isEqualTo("succeeded");
        assertThat(fixture.arrowCharges(customer, CLOSED)).isEqualByComparingTo(exported);
    }

    @Test
    void aTemplateWithoutTheColumnBillsEveryLineAndConsumptionTrackingComingAfterBillsNothing() {
        fixture.settings(WITHOUT_LICENSE);
        fixture.trackedResources(1);
        String arrowCustomer = fixture.customers().keySet().iterator().next();
        String customer = fixture.customers().get(arrowCustomer);

        JsonNode job = fixture.syncedBilling(CLOSED);
        assertThat(job.get("error_message").asString()).isEmpty();
        BigDecimal exported = fixture.exportSell(CLOSED, arrowCustomer);
        assertThat(fixture.arrowCharges(customer, CLOSED)).isEqualByComparingTo(exported);
        assertThat(fixture.syncedBilling(CLOSED)
                        .get("result")
                        .get("lines_synced")
                        .asLong())
                .as("a second run finds every line billed")
                .isPositive();
        assertThat(fixture.arrowCharges(customer, CLOSED)).isEqualByComparingTo(exported);

        fixture.succeeded("trigger_consumption_sync", CLOSED);
        assertThat(fixture.arrowCharges(customer, CLOSED))
                .as("the licenses' month was the billing sync's before consumption tracking came")
                .isEqualByComparingTo(exported);
    }

    @Test
    void aZeroLineNamingNoLicenseIsNotChargedByReconciliationBesideConsumptionTracking() {
        fixture.settings(WITHOUT_LICENSE);
        fixture.trackedResources(1);
        String arrowCustomer = fixture.customers().keySet().iterator().next();
        String customer = fixture.customers().get(arrowCustomer);
        fixture.succeeded("trigger_consumption_sync", CLOSED);
        List<String> lines = fixture.emulator().exportLines(CLOSED).stream()
                .filter(line -> arrowCustomer.equals("XSP" + line.customerReference()))
                .map(BillingLine::lineReference)
                .toList();
        lines.forEach(line -> fixture.emulator().changeSell(line, "0.00000"));
        fixture.syncedBilling(CLOSED);
        BigDecimal charged = fixture.arrowCharges(customer, CLOSED);

        fixture.emulator().changeSell(lines.get(0), "12.34000");
        assertRefused(fixture.reconcileBilling(CLOSED, true), lines.get(0));
        assertThat(fixture.arrowCharges(customer, CLOSED)).isEqualByComparingTo(charged);
        assertThat(syncMessages()).isNotEmpty().allSatisfy(message -> assertRefusal(message, lines.get(0)));
    }

    private static void assertRefused(JsonNode job, String named) {
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("failed");
        assertRefusal(job.get("error_message").asString(), named);
    }

    private static void assertRefusal(String message, String named) {
        assertThat(message)
                .contains(named)
                .contains("name no license (no ARS Subscription ID")
                .contains("consumption tracking bills license XSP")
                .contains("would bill it twice, so nothing of " + CLOSED + " was billed or corrected")
                .contains("Consumption tracking needs the ARS Subscription ID column")
                .contains(WITHOUT_LICENSE);
    }

    private void useTemplate(String template) {
        api.patch("/api/admin/arrow/settings/" + fixture.settings() + "/", Map.of("export_type_reference", template))
                .expect(200);
    }

    private List<String> syncMessages() {
        return jdbc.sql("""
                        select b.error_message from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid and b.report_period = ?""")
                .params(fixture.settings(), CLOSED.toString())
                .query(String.class)
                .list();
    }
}
