package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
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
    void lastMonthInsideItsGraceOfWhichArrowSaysNothingStaysSyncedAndIsNotReconciled() {
        YearMonth month = TestClock.currentMonth().minusMonths(1);
        fixture.arrowStillValidates(month);
        fixture.emulator().fault("{\"family\":\"statements\",\"kind\":\"404\",\"probability\":1}");

        fixture.syncedBilling(month);

        assertThat(SyncEndValidationIntegrationTests.syncs(api, settings, month))
                .allSatisfy(SyncEndValidationIntegrationTests::assertSynced);
        assertThat(reconciliations()).isEmpty();
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
