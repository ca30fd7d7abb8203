package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
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

    private JsonNode finalise(boolean force) {
        Map<String, Object> body = fixture.period(LAST);
        body.put("force", force);
        return fixture.run("trigger_reconciliation", body).get("result");
    }
}
