package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole server, in the small-heap JVM (256 MB), against an Arrow that drip-feeds, answers 400 MB or answers
 * garbage: the request fails within the call's deadline with a 502 that says why, the job fails with the same words,
 * the heap holds, and {@code /health} answers 200 all along.
 */
@Tag("small-heap")
@TestPropertySource(properties = {"arrowsync.arrow.client.read-timeout=2s", "arrowsync.arrow.client.call-timeout=5s"})
class HostileUpstreamIntegrationTests extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(HostileUpstreamIntegrationTests.class);
    private static final String SETTINGS = "/api/admin/arrow/settings/";
    /** The call's deadline and a margin for the server's own work around it. */
    private static final Duration WITHIN = Duration.ofSeconds(5 + 3);

    @RegisterExtension
    static final ArrowFixture fixture = new ArrowFixture();

    private Emulator arrow;
    private String settings;

    @BeforeEach
    void settingsWithAMappedCustomer() {
        arrow = fixture.emulator();
        settings = fixture.settings();
        fixture.mapCustomers(1);
    }

    @Test
    void aDripFeedFailsTheRequestAndTheJobWithinTheDeadline() {
        arrow.fault("{\"family\":\"whoami\",\"kind\":\"drip\",\"latencyMs\":1000,\"count\":10}");
        Response refused = whileHealthAnswers(() -> preview());
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.text("error")).contains("whoami did not answer completely within");

        arrow.fault("{\"family\":\"exports\",\"kind\":\"drip\",\"latencyMs\":1000,\"count\":10}");
        JsonNode job = whileHealthAnswers(this::syncLastMonth);
        assertThat(job.get("state").asString()).isEqualTo("failed");
        assertThat(job.get("error_message").asString())
                .contains("billing/erp/exports/sync did not answer completely within");
    }

    @Test
    void a400MegabyteAnswerIsCutOffAndTheHeapHolds() {
        Heap.resetPeaks();
        arrow.fault("{\"family\":\"whoami\",\"kind\":\"huge\",\"sizeMb\":400,\"count\":10}");
        Response refused = whileHealthAnswers(() -> preview());
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.text("error")).contains("whoami answered more than 16 MB");

        arrow.fault("{\"family\":\"exports\",\"kind\":\"huge\",\"sizeMb\":400,\"count\":10}");
        JsonNode job = whileHealthAnswers(this::syncLastMonth);
        assertThat(job.get("state").asString()).isEqualTo("failed");
        assertThat(job.get("error_message").asString()).contains("answered more than 16 MB");
        long peak = Heap.peakUsed();
        log.info(
                "two 400 MB answers refused; peak heap used {} MB of max {} MB",
                peak / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        assertThat(peak).isLessThan(Runtime.getRuntime().maxMemory());
    }

    @Test
    void garbageIsABadGatewayOnTheRequestAndAnErrorOnTheJob() {
        arrow.fault("{\"family\":\"whoami\",\"kind\":\"garbage\",\"count\":10}");
        Response refused = whileHealthAnswers(() -> preview());
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.text("error"))
                .isEqualTo("Arrow API error: Arrow API whoami returned invalid JSON (status 200)");

        arrow.fault("{\"family\":\"exports\",\"kind\":\"garbage\",\"count\":10}");
        JsonNode job = whileHealthAnswers(this::syncLastMonth);
        assertThat(job.get("state").asString()).isEqualTo("failed");
        assertThat(job.get("error_message").asString()).contains("returned invalid JSON");
    }

    private Response preview() {
        return api.post(SETTINGS + "preview_settings/", Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey()));
    }

    private JsonNode syncLastMonth() {
        return fixture.syncBilling(TestClock.currentMonth().minusMonths(1));
    }

    /** Runs the call on another thread and asks {@code /health} meanwhile: every answer a quick 200. */
    private <T> T whileHealthAnswers(java.util.function.Supplier<T> call) {
        long started = System.nanoTime();
        CompletableFuture<T> running = CompletableFuture.supplyAsync(call);
        int asked = 0;
        while (!running.isDone()) {
            long asking = System.nanoTime();
            assertThat(api.anonymous().get("/health").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - asking)).isLessThan(Duration.ofSeconds(1));
            asked++;
            sleep();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("the call ended after {} ms; /health answered 200 {} times meanwhile", took.toMillis(), asked);
        assertThat(took).isLessThan(WITHIN);
        return running.join();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
