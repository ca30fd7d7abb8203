package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * D89: a cleanup keeps a finalised record, whose item bills Arrow's final amount on a pending invoice, unless it asks
 * for finalised records: nothing scheduled would bring the amount back to the invoice.
 */
class ConsumptionCleanupFinalisedIntegrationTests extends IntegrationTest {

    private static final String RECORDS = "/api/admin/arrow/consumption-records/";
    private static final String CLEANUP = "/api/admin/arrow/billing-syncs/cleanup_consumption/";
    private static final YearMonth CLOSED = TestClock.closedMonth();

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void aFinalisedRecordIsKeptUnlessFinalisedRecordsAreAskedFor() {
        fixture.trackedResources(1);
        fixture.syncConsumption(CLOSED);
        assertThat(fixture.run("trigger_reconciliation", fixture.period(CLOSED))
                        .get("result")
                        .get("compensation_items_created")
                        .asInt())
                .isZero();
        String license = fixture.meteredLicense(CLOSED);
        String resource = fixture.licensedResources().get(license);
        JsonNode record = record(resource);
        assertThat(record.get("is_finalized").asBoolean()).isTrue();
        String item = "/api/invoice-items/" + record.get("invoice_item_uuid").asString() + "/";

        // Resource by resource: other test classes share the database.
        Map<String, Object> body = new HashMap<>(
                Map.of("resource_uuid", resource, "period_from", CLOSED.toString(), "period_to", CLOSED.toString()));
        body.put("dry_run", false);
        JsonNode everything = api.post(CLEANUP, body).expect(200).json();
        assertThat(everything.get("records_deleted").asInt()).isZero();
        assertThat(everything.get("kept").get(0).get("reason").asString()).isEqualTo(ConsumptionCleanup.FINALIZED);
        api.get(item).expect(200);

        body.put("only_finalized", true);
        JsonNode finalised = api.post(CLEANUP, body).expect(200).json();
        assertThat(finalised.get("records_deleted").asInt()).isEqualTo(1);
        api.get(item).expect(404);
    }

    private JsonNode record(String resource) {
        return api.get(RECORDS + "?resource_uuid=" + resource + "&billing_period=" + CLOSED.atDay(1))
                .expect(200)
                .json()
                .get(0);
    }
}
