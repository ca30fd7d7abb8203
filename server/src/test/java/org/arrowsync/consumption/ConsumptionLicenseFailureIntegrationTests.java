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
 * D21 beside D62: a failure that belongs to one license (here Arrow's answer for it) stays that license's failure on a
 * run that succeeds at its first attempt; only a lost database connection fails the run and runs it again.
 */
class ConsumptionLicenseFailureIntegrationTests extends IntegrationTest {

    private static final YearMonth MONTH = TestClock.closedMonth();
    private static final String UNKNOWN_LICENSE = "XSP-NO-SUCH-LICENSE";

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void aLicenseArrowFailsForIsReportedOnTheRunAndTheOthersAreRecorded() {
        Map<String, String> tracked = fixture.trackedResources(1);
        String customer = fixture.customers().values().iterator().next();
        fixture.licensedResource(fixture.project(customer), fixture.offering().text("uuid"), UNKNOWN_LICENSE);

        JsonNode job = fixture.succeeded("trigger_consumption_sync", MONTH);

        assertThat(job.get("attempts").asInt()).as("not run again").isEqualTo(1);
        JsonNode result = job.get("result");
        assertThat(result.get("error_count").asInt()).isEqualTo(1);
        assertThat(result.get("errors").get(0).get("license_reference").asString())
                .isEqualTo(UNKNOWN_LICENSE);
        assertThat(result.get("synced").asInt() + result.get("no_data").asInt())
                .as("every license Arrow knows")
                .isEqualTo(tracked.size());
        assertThat(result.get("synced").asInt()).isPositive();
    }
}
