package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Every answer names its request, and so does every log line written while serving it; staff see health details. */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIntegrationTests extends IntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void aRequestKeepsTheIdItWasGivenOrGetsOneOnItsAnswerAndItsLogLines(CapturedOutput output) {
        String given = "lb-" + UUID.randomUUID();
        assertThat(api.withHeader("X-Request-Id", given).get("/health").header("X-Request-Id"))
                .isEqualTo(given);
        assertThat(api.get("/health").header("X-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(api.withHeader("X-Request-Id", "bad id\twith spaces")
                        .get("/health")
                        .header("X-Request-Id"))
                .matches("[0-9a-f]{32}");

        String traced = "trace-" + UUID.randomUUID();
        YearMonth month = TestClock.closedMonth();
        Response refused = api.withHeader("X-Request-Id", traced)
                .post(
                        "/api/admin/arrow/billing-syncs/trigger_sync/",
                        Map.of(
                                "year",
                                month.getYear(),
                                "month",
                                month.getMonthValue(),
                                "settings_uuid",
                                UUID.randomUUID().toString()));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.header("X-Request-Id")).isEqualTo(traced);

        fixture.mapAllCustomers();
        Response queued = api.withHeader("X-Request-Id", traced)
                .post("/api/admin/arrow/billing-syncs/trigger_sync/", fixture.period(month));
        String job = fixture.awaitJob(queued).get("uuid").asString();
        assertThat(output.getAll().lines().filter(line -> line.contains("Queued billing_sync job")))
                .as("a line written while the request was served")
                .anySatisfy(line -> assertThat(line).contains("[" + traced + "]"));
        assertThat(output.getAll().lines().filter(line -> line.contains("Billing sync of " + month)))
                .as("a line written by the job it queued")
                .anySatisfy(line -> assertThat(line).contains("[" + job + "]"));
    }

    @Test
    void healthDetailsAreForStaffAndShowTheDatabaseTheQueueAndArrow() {
        api.anonymous().get("/health/details").expect(401);
        api.as(fixture.userToken()).get("/health/details").expect(403);
        JsonNode details = api.get("/health/details").expect(200).json();
        assertThat(details.get("status").asString()).isIn("UP", "DEGRADED");
        assertThat(details.get("database").asString()).isEqualTo("UP");
        JsonNode queue = details.get("job_queue");
        assertThat(queue.get("lag_seconds").asLong()).isNotNegative();
        assertThat(queue.get("failing").isArray()).isTrue();
        assertThat(details.get("arrow").isArray()).isTrue();
        api.anonymous().get("/health").expect(200);
    }
}
