package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * D68 with auto-reconciliation on: a month its sync validates is reconciled next, as after the periodic check; a month
 * still inside its grace, of which Arrow says nothing, stays synced and is not reconciled. The grace is 40 days here,
 * so last month is always inside it.
 */
@TestPropertySource(
        properties = {"arrowsync.billing.auto-reconcile=true", "arrowsync.billing.validation-grace=40d"
        }) // a context, and a database, of its own
class AutoReconcileIntegrationTests extends IntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;

    @BeforeEach
    void mapAllCustomers() {
        settings = fixture.settings();
        fixture.mapAllCustomers();
    }

    @Test
    void aMonthValidatedAsItsSyncEndsIsReconciledNext() {
        YearMonth month = TestClock.closedMonth();
        fixture.syncedBilling(month);

        JsonNode reconciliation =
                Jobs.await(api, reconciliations().get(0).get("uuid").asString());

        assertThat(reconciliation.get("state").asString())
                .as(reconciliation.toString())
                .isEqualTo("succeeded");
        assertThat(reconciliation.get("period").asString()).isEqualTo(month.toString());
        assertThat(reconciliation.get("triggered_by").asString()).isEqualTo("schedule");
        assertThat(SyncEndValidationIntegrationTests.syncs(api, settings, month))
                .allSatisfy(sync -> {
                    assertThat(sync.get("state").asInt()).isEqualTo(4);
                    assertThat(sync.get("arrow_state").asString()).isEqualTo("validated");
                });
    }

    @Test
    void aLineArrowAddsToAReconciledMonthIsBilledByTheReconciliationItsSyncQueues() {
        YearMonth month = TestClock.closedMonth();
        fixture.syncedBilling(month);
        Jobs.await(api, reconciliations().get(0).get("uuid").asString());
        String sync = SyncEndValidationIntegrationTests.syncs(api, settings, month)
                .get(0)
                .get("uuid")
                .asString();
        String line = api.get("/api/admin/arrow/billing-sync-items/?billing_sync_uuid=" + sync)
                .expect(200)
                .json()
                .get(0)
                .get("arrow_line_reference")
                .asString();
        String license = fixture.licenseOf(line);
        String late = fixture.emulator().addLine(license, month, "12.50000", "10.00000");

        JsonNode resync = fixture.syncedBilling(month);

        assertThat(resync.get("result").get("late_lines").asInt()).isEqualTo(1);
        List<JsonNode> reconciliations = reconciliations();
        assertThat(reconciliations)
                .as("one after validation, one for the late line")
                .hasSize(2);
        JsonNode booked = Jobs.await(api, reconciliations.get(0).get("uuid").asString());
        assertThat(booked.get("state").asString()).as(booked.toString()).isEqualTo("succeeded");
        assertThat(booked.get("result").get("compensations").asInt()).isEqualTo(1);
        assertThat(new BigDecimal(booked.get("result").get("compensation_total").asString()))
                .as("%s billed once, by this reconciliation", late)
                .isEqualByComparingTo("12.50");
    }

    @Test
    void lastMonthInsideItsGraceOfWhichArrowSaysNothingStaysSyncedAndIsNotReconciled() {
        YearMonth month = TestClock.currentMonth().minusMonths(1);
        fixture.arrowStillValidates(month);
        fixture.emulator().fault("{\"family\":\"statements\",\"kind\":\"404\",\"probability\":1}");

        fixture.syncedBilling(month);

        assertThat(SyncEndValidationIntegrationTests.syncs(api, settings, month))
                .allSatisfy(SyncEndValidationIntegrationTests::assertSynced);
        assertThat(reconciliations()).isEmpty();
    }

    @Test
    void lastMonthWhoseLinesArrowValidatedIsValidatedByItsSyncInsideItsGrace() {
        YearMonth month = TestClock.currentMonth().minusMonths(1);
        // Arrow has validated the month (its lines carry a Validation Date) but gives no statements
        fixture.emulator().setClock(month.plusMonths(2).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        fixture.emulator().fault("{\"family\":\"statements\",\"kind\":\"404\",\"probability\":1}");

        JsonNode job = fixture.syncedBilling(month);

        List<JsonNode> syncs = SyncEndValidationIntegrationTests.syncs(api, settings, month);
        assertThat(job.get("progress").path("validated").asInt())
                .as(job.toString())
                .isEqualTo(syncs.size());
        assertThat(syncs)
                .allSatisfy(sync -> assertThat(sync.get("arrow_state").asString())
                        .as("by the lines' Validation Date, not the calendar")
                        .isEqualTo("validated"));
    }

    /** The settings' reconciliation jobs, newest first. */
    private List<JsonNode> reconciliations() {
        return api.get("/api/admin/arrow/jobs/?kind=billing_reconciliation&settings_uuid=" + settings)
                .expect(200)
                .json()
                .valueStream()
                .toList();
    }
}
