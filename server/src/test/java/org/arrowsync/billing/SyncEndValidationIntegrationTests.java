package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.Api;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.StatementCounter;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * D68: the job that syncs a month already final by D6 validates it as it ends, by the validation check of that month; a
 * month not final yet stays synced for the periodic check.
 */
class SyncEndValidationIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();

    @Autowired
    BillingValidation validation;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;

    @BeforeEach
    void mapAllCustomers() {
        settings = fixture.settings();
        fixture.mapAllCustomers();
    }

    @Test
    void aMonthArrowValidatedIsValidatedByTheJobThatSyncsItAndASecondSyncChangesNothing() {
        JsonNode job = fixture.syncedBilling(MONTH);

        List<JsonNode> syncs = syncs(MONTH);
        assertThat(job.get("progress").get("validated").asInt()).isEqualTo(syncs.size());
        assertThat(syncs).allSatisfy(sync -> {
            assertThat(sync.get("state").asInt()).isEqualTo(3);
            assertThat(sync.get("arrow_state").asString()).isEqualTo("validated");
            assertThat(sync.get("validated_at").isNull()).isFalse();
        });

        JsonNode again = fixture.syncedBilling(MONTH);
        assertThat(again.get("progress").path("validated").asInt())
                .as("validated once")
                .isZero();
        assertThat(syncs(MONTH).stream().map(sync -> sync.get("validated_at")))
                .containsExactlyElementsOf(
                        syncs.stream().map(sync -> sync.get("validated_at")).toList());
    }

    /**
     * A month's syncs are validated in one statement and reconciled in one, whatever their number: one statement a sync
     * took minutes at 40,000 syncs, each running the counts' trigger (D231, D235).
     */
    @Test
    void aMonthsSyncsAreValidatedInOneStatementAndReconciledInOne() {
        try {
            StatementCounter.countByText();
            fixture.syncedBilling(MONTH);

            List<JsonNode> syncs = syncs(MONTH);
            assertThat(syncs)
                    .hasSizeGreaterThan(2)
                    .allSatisfy(sync -> assertThat(sync.get("state").asInt()).isEqualTo(3));
            assertThat(StatementCounter.statementsHolding("update billing_syncs b set state = t.st, arrow_state"))
                    .isEqualTo(1);

            StatementCounter.countByText();
            fixture.reconcileBilling(MONTH, false);

            assertThat(syncs(MONTH))
                    .allSatisfy(sync -> assertThat(sync.get("state").asInt()).isEqualTo(4));
            assertThat(StatementCounter.statementsHolding("update billing_syncs b set state = t.st, reconciled_at"))
                    .isEqualTo(1);
        } finally {
            StatementCounter.reset();
        }
    }

    /**
     * D147: a sync limited to one resource of a month Arrow validated reads that license's lines alone, so its job
     * validates nothing and the sync it begins stays pending, which the periodic check does not validate either; the
     * month's sync then takes every other line, none of them late, and validates the month.
     */
    @Test
    void aSyncOfOneResourceValidatesNothingAndTheMonthsSyncThenBillsEveryLine() {
        Map<String, String> customers = fixture.mapAllCustomers();
        String customer = customers.get("XSP700001");
        String resource = fixture.licensedResource(
                fixture.project(customer), fixture.offering().text("uuid"), "XSP4000001");
        Map<String, Object> oneResource = fixture.period(MONTH);
        oneResource.put("resource_uuid", resource);

        JsonNode partial = fixture.run("trigger_sync", oneResource);

        assertThat(partial.get("state").asString()).as(partial.toString()).isEqualTo("succeeded");
        assertThat(partial.get("progress").path("validated").asInt()).isZero();
        assertThat(syncs(MONTH))
                .as("begun by a sync of one license, the customer's sync waits for the month's")
                .allSatisfy(sync -> assertThat(sync.get("state").asInt()).isEqualTo(1));
        assertThat(validation.check(Uuids.fromPath(settings), Progress.NONE).validated())
                .as("the periodic check finds nothing to validate")
                .isZero();

        JsonNode whole = fixture.syncedBilling(MONTH);

        assertThat(whole.get("progress").path("late_lines").asInt())
                .as(whole.toString())
                .isZero();
        assertThat(whole.get("progress").get("validated").asInt())
                .isEqualTo(syncs(MONTH).size());
        BigDecimal invoiced = new BigDecimal(api.get("/api/invoices/?customer_uuid=" + customer)
                .expect(200)
                .json()
                .get(0)
                .get("total")
                .asString());
        assertThat(invoiced).isCloseTo(fixture.exportSell(MONTH, "XSP700001"), within(new BigDecimal("0.50")));
    }

    @Test
    void aPeriodicCheckAtTheSameMomentAsTheSyncsOwnValidatesEachSyncOnce() {
        fixture.arrowStillValidates(MONTH);
        fixture.syncedBilling(MONTH);
        fixture.emulator().setClock(TestClock.now());
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"latency\",\"latencyMs\":1500,\"count\":1}");

        String uuid = api.post("/api/admin/arrow/billing-syncs/trigger_sync/", fixture.period(MONTH))
                .expect(202)
                .text("uuid");
        Jobs.awaitState(api, uuid, "running");
        // Arrow's export is slow: a periodic check runs while the sync does, on the month the sync holds
        int byPeriodicCheck =
                validation.check(Uuids.fromPath(settings), Progress.NONE).validated();
        JsonNode job = Jobs.await(api, uuid);

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        List<JsonNode> syncs = syncs(MONTH);
        assertThat(byPeriodicCheck + job.get("progress").path("validated").asInt())
                .isEqualTo(syncs.size());
        assertThat(syncs)
                .allSatisfy(sync -> assertThat(sync.get("state").asInt()).isEqualTo(3));
    }

    @Test
    void aMonthPastItsGraceOfWhichArrowSaysNothingIsValidatedByTheCalendarInTheSameJob() {
        fixture.arrowStillValidates(MONTH);
        fixture.emulator().fault("{\"family\":\"statements\",\"kind\":\"404\",\"probability\":1}");

        fixture.syncedBilling(MONTH);

        assertThat(syncs(MONTH)).allSatisfy(sync -> {
            assertThat(sync.get("state").asInt()).isEqualTo(3);
            assertThat(sync.get("arrow_state").asString()).isEqualTo("validated_by_calendar");
        });
    }

    @Test
    void aMonthArrowStillValidatesStaysSyncedWhateverTheCalendar() {
        fixture.arrowStillValidates(MONTH);

        JsonNode job = fixture.syncedBilling(MONTH);

        assertThat(job.get("progress").path("validated").asInt()).isZero();
        assertThat(syncs(MONTH)).allSatisfy(SyncEndValidationIntegrationTests::assertSynced);
    }

    /**
     * D213: a reconciliation of a month Arrow made final since its last sync validates it with the sync it begins with,
     * as a sync's job does, and then reconciles it, where it said there was nothing validated to reconcile and left the
     * month open.
     */
    @Test
    void aReconciliationOfAMonthArrowMadeFinalSinceItsSyncValidatesAndReconcilesIt() {
        fixture.arrowStillValidates(MONTH);
        fixture.syncedBilling(MONTH);
        assertThat(syncs(MONTH)).allSatisfy(SyncEndValidationIntegrationTests::assertSynced);
        fixture.emulator().setClock(TestClock.now());
        JsonNode preview = api.post("/api/admin/arrow/billing-syncs/reconcile_preview/", fixture.period(MONTH))
                .expect(200)
                .json();
        assertThat(preview.get("note").asString())
                .as("the preview, which syncs nothing, says the reconciliation's sync may validate the month")
                .isEqualTo(BillingReconciliation.NOT_VALIDATED_YET);

        JsonNode job = fixture.reconcileBilling(MONTH, false);

        assertThat(job.get("state").asString()).isEqualTo("succeeded");
        assertThat(job.get("progress").path("sync_validated").asInt())
                .as(job.toString())
                .isEqualTo(syncs(MONTH).size());
        assertThat(job.get("result").get("note").asString()).isNotEqualTo(BillingReconciliation.NOTHING_TO_RECONCILE);
        assertThat(job.get("result").get("syncs").asInt())
                .isEqualTo(syncs(MONTH).size());
        assertThat(syncs(MONTH)).allSatisfy(sync -> {
            assertThat(sync.get("arrow_state").asString()).isEqualTo("validated");
            assertThat(sync.get("validated_at").isNull()).isFalse();
        });
    }

    @Test
    void theCurrentMonthStaysSyncedAndItsSyncAsksArrowForNoStatements() {
        YearMonth current = TestClock.currentMonth();
        fixture.emulator().fault("{\"family\":\"statements\",\"kind\":\"404\",\"probability\":1}");
        fixture.emulator().resetStats();

        fixture.syncedBilling(current);

        assertThat(syncs(current)).allSatisfy(SyncEndValidationIntegrationTests::assertSynced);
        assertThat(fixture.emulator().requests("statements"))
                .as("nothing of a month not over can be final yet")
                .isZero();
        assertThat(fixture.emulator().requests("exports")).isPositive();
    }

    @Test
    void statementsArrowFailsToGiveDuringTheSyncPostponeValidationAndTheSyncStands() {
        fixture.emulator().fault("{\"family\":\"statements\",\"kind\":\"500\",\"probability\":1}");

        JsonNode job = fixture.syncedBilling(MONTH);

        assertThat(job.get("state").asString()).isEqualTo("succeeded");
        assertThat(job.get("progress").path("validated").asInt()).isZero();
        assertThat(job.toString()).contains("Statements of " + MONTH + " unavailable, validation postponed");
        assertThat(syncs(MONTH)).allSatisfy(SyncEndValidationIntegrationTests::assertSynced);
    }

    private List<JsonNode> syncs(YearMonth period) {
        return syncs(api, settings, period);
    }

    /** The settings' syncs of the month, as the API lists them; at least one. */
    static List<JsonNode> syncs(Api api, String settings, YearMonth period) {
        List<JsonNode> syncs = new ArrayList<>();
        api.get("/api/admin/arrow/billing-syncs/?settings_uuid=" + settings + "&report_period=" + period
                        + "&page_size=50")
                .expect(200)
                .json()
                .forEach(syncs::add);
        assertThat(syncs).isNotEmpty();
        return syncs;
    }

    /** Synced, waiting for Arrow's word or the calendar. */
    static void assertSynced(JsonNode sync) {
        assertThat(sync.get("state").asInt()).isEqualTo(2);
        assertThat(sync.get("arrow_state").asString()).isEqualTo("pending");
        assertThat(sync.get("validated_at").isNull()).isTrue();
    }
}
