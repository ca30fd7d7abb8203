package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    /**
     * D187: a key Arrow refuses fails the run once, saying so, rather than once per license of a run that succeeds; a
     * right the key lacks for one license (403) stays that license's failure.
     */
    @Test
    void aKeyArrowRefusesFailsTheRun() {
        fixture.trackedResources(1);
        fixture.emulator().fault("{\"family\":\"consumption\",\"kind\":\"403\",\"count\":1}");
        JsonNode forbidden = fixture.succeeded("trigger_consumption_sync", MONTH);
        assertThat(forbidden.get("result").get("error_count").asInt()).isEqualTo(1);

        fixture.emulator().rotateKey("rotated-" + UUID.randomUUID());

        JsonNode job = fixture.syncConsumption(MONTH);

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("failed");
        assertThat(job.get("error_message").asString()).contains("401");
    }

    /**
     * D170: a report whose lines give no amount at all (blank price cells, as the official Node client's mock has) is
     * Arrow failing the license, not a month that cost nothing: each license is named on the run and what its month was
     * billed stays. No license recorded and some failed, the run fails (D296): a monitor of jobs' states sees it.
     */
    @Test
    void aReportWithoutAnyAmountKeepsWhatTheMonthWasBilled() {
        Map<String, String> tracked = fixture.trackedResources(1);
        fixture.succeeded("trigger_consumption_sync", MONTH);
        Map<String, BigDecimal> billed = provisional(tracked);
        assertThat(billed.values()).anyMatch(amount -> amount.signum() > 0);

        fixture.emulator().fault("{\"family\":\"consumption\",\"kind\":\"no_prices\",\"probability\":1}");
        JsonNode job = fixture.syncConsumption(MONTH);
        fixture.emulator().clearFaults();

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("failed");
        assertThat(job.get("error_message").asString())
                .startsWith("No license's consumption was recorded: "
                        + job.get("errors").size() + " failed")
                .contains("without any amount");
        assertThat(job.get("errors")).isNotEmpty();
        assertThat(job.get("errors").toString()).contains("without any amount");
        assertThat(provisional(tracked)).as("nothing taken back").isEqualTo(billed);
    }

    /** The same problem of every line of a report is said once per license, with how many lines have it. */
    @Test
    void aProblemOfEveryLineIsSaidOncePerLicense() {
        Map<String, String> tracked = fixture.trackedResources(1);
        fixture.emulator().fault("{\"family\":\"consumption\",\"kind\":\"extra_cells\",\"probability\":1}");
        JsonNode job = fixture.succeeded("trigger_consumption_sync", MONTH);
        fixture.emulator().clearFaults();

        int problems = job.get("progress").get("line_problems").asInt();
        assertThat(problems).isGreaterThan(tracked.size());
        List<String> said = new ArrayList<>();
        job.get("errors").forEach(error -> said.add(error.asString()));
        assertThat(said)
                .hasSizeLessThanOrEqualTo(tracked.size())
                .allSatisfy(error -> assertThat(error)
                        .matches(
                                "XSP\\S+: (\\d+ consumption lines|consumption line 1): \\d+ cells for \\d+ headers, the"
                                        + " surplus ignored"));
    }

    /** Each tracked license's provisional amount (consumed sell) as its resource's record holds it. */
    private Map<String, BigDecimal> provisional(Map<String, String> tracked) {
        Map<String, BigDecimal> amounts = new HashMap<>();
        for (Map.Entry<String, String> license : tracked.entrySet()) {
            JsonNode records = api.get("/api/admin/arrow/consumption-records/?resource_uuid=" + license.getValue()
                            + "&billing_period=" + MONTH.atDay(1))
                    .expect(200)
                    .json();
            records.forEach(record -> amounts.put(
                    license.getKey(), new BigDecimal(record.get("consumed_sell").asString())));
        }
        return amounts;
    }
}
