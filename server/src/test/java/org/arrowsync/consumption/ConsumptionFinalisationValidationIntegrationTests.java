package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * D96: a license-month is finalised once Arrow has validated its lines (or the month's validation grace is over), not
 * from lines Arrow may still correct. The grace is 40 days here, so last month is always inside it.
 */
@TestPropertySource(
        properties = {"arrowsync.billing.auto-reconcile=true", "arrowsync.billing.validation-grace=40d"
        }) // AutoReconcileIntegrationTests' context
class ConsumptionFinalisationValidationIntegrationTests extends IntegrationTest {

    private static final YearMonth LAST = TestClock.currentMonth().minusMonths(1);

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void linesArrowHasNotValidatedKeepTheProvisionalItemUntilItDoes() {
        fixture.arrowStillValidates(LAST);
        fixture.trackedResources(1);
        fixture.syncConsumption(LAST);

        JsonNode waiting = finalise(false);
        assertThat(waiting.get("status").asString()).isEqualTo("ok");
        assertThat(waiting.get("awaiting_validation").asInt()).isPositive();
        assertThat(waiting.get("finalized").asInt()).isZero();

        JsonNode forced = finalise(true);
        assertThat(forced.get("awaiting_validation").asInt())
                .as("force finalises lines Arrow has not validated")
                .isZero();
        assertThat(forced.get("finalized").asInt())
                .isEqualTo(waiting.get("awaiting_validation").asInt());
    }

    @Test
    void linesArrowValidatedAreFinalised() {
        fixture.emulator()
                .setClock(LAST.plusMonths(1).atEndOfMonth().atTime(12, 0).toInstant(ZoneOffset.UTC));
        fixture.trackedResources(1);
        fixture.syncConsumption(LAST);

        JsonNode finalised = finalise(false);
        assertThat(finalised.get("awaiting_validation").asInt()).isZero();
        assertThat(finalised.get("finalized").asInt()).isPositive();
    }

    @Test
    void anExportMissingRowsFinalisesNothing() {
        fixture.emulator()
                .setClock(LAST.plusMonths(1).atEndOfMonth().atTime(12, 0).toInstant(ZoneOffset.UTC));
        fixture.trackedResources(1);
        fixture.syncConsumption(LAST);
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"short_page\",\"probability\":1}");

        JsonNode refused = finalise(false);

        fixture.emulator().clearFaults();
        assertThat(refused.get("status").asString()).isEqualTo("export_incomplete");
        assertThat(refused.get("finalized").asInt()).isZero();
        assertThat(finalise(false).get("finalized").asInt())
                .as("once the export is whole")
                .isPositive();
    }

    /**
     * Arrow moves, validated, every line of a license-month already finalised to a license of the customer that the
     * billing sync bills, within the month's grace: the reconciliation charges the lines, and the finalisation it
     * queues credits the emptied license-month at once, not only once the grace is over as for a license Arrow dropped
     * (D115, D119).
     */
    @Test
    void aFinalisedLicenseWhoseLinesArrowMovesToTheBillingSyncIsCreditedAtOnce() {
        fixture.emulator()
                .setClock(LAST.plusMonths(1).atEndOfMonth().atTime(12, 0).toInstant(ZoneOffset.UTC));
        Map<String, String> customers = fixture.mapAllCustomers();
        fixture.licensedResources();
        fixture.succeeded("trigger_consumption_sync", LAST);
        fixture.syncedBilling(LAST);
        assertThat(finalise(false).get("finalized").asInt()).isPositive();
        String arrowCustomer = customers.keySet().stream()
                .filter(customer ->
                        !fixture.lineReferences(customer, "consumption").isEmpty()
                                && !fixture.lineReferences(customer, "invoice").isEmpty())
                .findFirst()
                .orElseThrow();
        String emptied = fixture.licenseOf(
                fixture.lineReferences(arrowCustomer, "consumption").get(0));
        String billed = fixture.licenseOf(
                fixture.lineReferences(arrowCustomer, "invoice").get(0));
        fixture.emulator()
                .lines(emptied, LAST)
                .forEach(line -> fixture.emulator().moveLine(line.lineReference(), billed));

        JsonNode reconciled = fixture.reconcileBilling(LAST, false);

        assertThat(reconciled.get("result").get("lines_moved").asInt())
                .as(reconciled.toString())
                .isPositive();
        JsonNode finalised = Jobs.awaitNewest(api, "consumption_reconciliation", fixture.settings());
        assertThat(finalised.get("result").get("awaiting_validation").asInt())
                .as(finalised.toString())
                .isZero();
        assertThat(fixture.arrowChargesAsBilled(customers.get(arrowCustomer), LAST))
                .as("charged once, by the billing sync")
                .isEqualByComparingTo(fixture.exportSellAsBilled(LAST, arrowCustomer));
    }

    /**
     * D169: a license-month ends up billed Arrow's final amount rounded to the cent, whatever it was corrected from:
     * its provisional item and corrections, each rounded on the invoice, add up to it.
     */
    @Test
    void aLicenseMonthIsBilledItsFinalAmountRoundedWhateverItWasCorrectedFrom() {
        fixture.trackedResources(1);
        fixture.syncConsumption(LAST);
        String license = fixture.meteredLicense(LAST);
        String resource = fixture.licensedResources().get(license);
        List<BillingLine> lines = fixture.emulator().lines(license, LAST);
        BigDecimal others = lines.stream().skip(1).map(BillingLine::sellTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal whole = others.setScale(0, RoundingMode.CEILING).add(BigDecimal.valueOf(100));
        String first = lines.get(0).lineReference();

        fixture.emulator()
                .changeSell(first, amount(whole.add(new BigDecimal("0.125")).subtract(others)));
        assertThat(finalise(true).get("finalized").asInt()).isPositive();
        assertThat(billed(resource)).isEqualByComparingTo(whole.add(new BigDecimal("0.13")));

        fixture.emulator().changeSell(first, amount(whole.add(BigDecimal.ONE).subtract(others)));
        finalise(true);
        assertThat(billed(resource))
                .as("Arrow's final amount, to the cent")
                .isEqualByComparingTo(whole.add(BigDecimal.ONE));
    }

    private static String amount(BigDecimal sell) {
        return sell.setScale(5, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** What the resource's items of the month bill, each rounded to the cent as its invoice bills it. */
    private BigDecimal billed(String resource) {
        BigDecimal billed = BigDecimal.ZERO;
        for (JsonNode item : api.get("/api/invoice-items/?resource_uuid=" + resource + "&page_size=300")
                .expect(200)
                .json()) {
            if (item.get("details").path("source").asString("").startsWith("arrow_")
                    && item.get("start").asString().equals(LAST.atDay(1).toString())) {
                billed = billed.add(new BigDecimal(item.get("unit_price").asString())
                        .multiply(new BigDecimal(item.get("quantity").asString()))
                        .setScale(2, RoundingMode.HALF_UP));
            }
        }
        return billed;
    }

    private JsonNode finalise(boolean force) {
        return fixture.finaliseConsumption(LAST, force).get("result");
    }
}
