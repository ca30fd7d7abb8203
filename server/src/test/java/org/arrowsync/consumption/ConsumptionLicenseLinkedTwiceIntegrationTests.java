package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * D90: a license linked to two resources (imported, then found again by a resource sync) is billed once, through the
 * oldest resource carrying it; the other is named on the run and refused by a historical sync.
 */
class ConsumptionLicenseLinkedTwiceIntegrationTests extends IntegrationTest {

    private static final String RECORDS = "/api/admin/arrow/consumption-records/";
    private static final String HISTORICAL = "/api/admin/arrow/billing-syncs/sync_resource_historical_consumption/";
    private static final YearMonth CLOSED = TestClock.closedMonth();

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void aLicenseLinkedToTwoResourcesIsBilledOnceAndTheSecondIsNamed() {
        fixture.trackedResources(1);
        String license = fixture.meteredLicense(CLOSED);
        String first = fixture.licensedResources().get(license);
        JsonNode resource =
                api.get("/api/marketplace-resources/" + first + "/").expect(200).json();
        String second = fixture.licensedResource(
                resource.get("project_uuid").asString(),
                resource.get("offering_uuid").asString(),
                license);

        JsonNode job = fixture.syncConsumption(CLOSED);
        JsonNode errors = job.get("result").get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("resource_uuid").asString()).isEqualTo(second);
        assertThat(errors.get(0).get("error").asString())
                .contains("License " + license + " is linked to resource "
                        + resource.get("name").asString())
                .contains("nothing was recorded");
        assertThat(records(first)).isEqualTo(1);
        assertThat(records(second)).isZero();

        JsonNode refused = api.post(
                        HISTORICAL,
                        Map.of(
                                "resource_uuid",
                                second,
                                "period_from",
                                CLOSED.toString(),
                                "period_to",
                                CLOSED.toString()))
                .expect(400)
                .json();
        assertThat(refused.get("error").asString()).contains("is linked to resource");
        assertThat(records(second)).isZero();
    }

    private long records(String resource) {
        return Long.parseLong(
                api.get(RECORDS + "?resource_uuid=" + resource).expect(200).header("X-Result-Count"));
    }
}
