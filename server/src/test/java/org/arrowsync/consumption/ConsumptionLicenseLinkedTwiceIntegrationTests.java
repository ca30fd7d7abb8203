package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * D90: a license linked to two resources (imported, then found again by a resource sync) is billed once, through the
 * oldest resource carrying it; the other is named on the run and refused by a historical sync. D92: a month already
 * recorded on one resource stays with it, whichever resource carries the license later in the month.
 */
class ConsumptionLicenseLinkedTwiceIntegrationTests extends IntegrationTest {

    private static final String RESOURCES = "/api/marketplace-resources/";
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
        JsonNode resource = api.get(RESOURCES + first + "/").expect(200).json();
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

    @Test
    void aMonthRecordedOnAResourceTerminatedSinceIsNotRecordedAgainOnTheOther() {
        fixture.trackedResources(1);
        String license = fixture.meteredLicense(CLOSED);
        String first = fixture.licensedResources().get(license);
        JsonNode resource = api.get(RESOURCES + first + "/").expect(200).json();
        fixture.syncConsumption(CLOSED);
        assertThat(records(first)).isEqualTo(1);

        String second = fixture.licensedResource(
                resource.get("project_uuid").asString(),
                resource.get("offering_uuid").asString(),
                license);
        api.patch(RESOURCES + first + "/", Map.of("state", "Terminated")).expect(200);
        JsonNode job = fixture.syncConsumption(CLOSED);

        JsonNode errors = job.get("result").get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("resource_uuid").asString()).isEqualTo(second);
        assertThat(errors.get(0).get("error").asString())
                .contains("License " + license + " of " + CLOSED + " is recorded on resource "
                        + resource.get("name").asString())
                .contains("nothing was recorded");
        assertThat(records(second)).isZero();
        assertThat(count("/api/invoice-items/?resource_uuid=" + second)).isZero();
    }

    @Test
    void aLicenseMovedToAnOlderResourceMidMonthKeepsBillingThroughTheOneThatRecordedIt() {
        String anyResource = fixture.trackedResources(1).values().iterator().next();
        fixture.syncConsumption(CLOSED);
        // Newest first: the last is the oldest, which D90 would choose for any license it carried.
        List<String> resources = new ArrayList<>();
        api.get(RESOURCES + "?page_size=100&customer_uuid=" + customerOf(anyResource))
                .expect(200)
                .json()
                .forEach(resource -> resources.add(resource.get("uuid").asString()));
        String older = resources.get(resources.size() - 1);
        String recorded = resources.subList(0, resources.size() - 1).stream()
                .filter(resource -> records(resource) == 1)
                .findFirst()
                .orElseThrow();
        String license = api.get(RESOURCES + recorded + "/")
                .expect(200)
                .json()
                .get("attributes")
                .get("arrow_license_reference")
                .asString();
        long olderRecords = records(older);

        api.patch(RESOURCES + older + "/", Map.of("attributes", Map.of("arrow_license_reference", license)))
                .expect(200);
        JsonNode job = fixture.syncConsumption(CLOSED);

        JsonNode errors = job.get("result").get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("resource_uuid").asString()).isEqualTo(older);
        assertThat(records(older)).isEqualTo(olderRecords);
        assertThat(records(recorded)).isEqualTo(1);
    }

    private String customerOf(String resource) {
        return api.get(RESOURCES + resource + "/").expect(200).text("customer_uuid");
    }

    private long records(String resource) {
        return count(RECORDS + "?resource_uuid=" + resource);
    }

    private long count(String list) {
        return Long.parseLong(api.get(list).expect(200).header("X-Result-Count"));
    }
}
