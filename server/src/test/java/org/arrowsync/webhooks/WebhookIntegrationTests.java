package org.arrowsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.arrowsync.support.Api;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks as an operator's endpoint sees them: signed JSON events, delivered through the persistent queue, retried
 * after a failure, logged and redeliverable, never holding up a sync.
 */
class WebhookIntegrationTests extends IntegrationTest {

    private static final String HOOKS = "/api/admin/webhooks/";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final YearMonth MONTH = TestClock.closedMonth();
    private static final String EXPORTS_UNAVAILABLE = "{\"family\":\"exports\",\"kind\":\"503\",\"count\":10}";

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    private final List<String> webhooks = new ArrayList<>();

    @AfterEach
    void removeWebhooks() {
        webhooks.forEach(uuid -> api.delete(HOOKS + uuid + "/"));
    }

    @Test
    void aFailingJobDeliversASignedEventRetriedAfterTheReceiverAnswers500() throws Exception {
        String secret = "whsec-" + UUID.randomUUID();
        try (Receiver receiver = Receiver.answering(500, 200)) {
            String hook = webhook(receiver.url(), List.of("job.failed"), secret);
            String settings = fixture.settings();
            fixture.mapAllCustomers();
            fixture.emulator().fault(EXPORTS_UNAVAILABLE);
            JsonNode job = fixture.syncBilling(MONTH);
            assertThat(job.get("state").asString()).isEqualTo("failed");

            Receiver.Received refused = receiver.next(PATIENCE);
            Receiver.Received delivered = receiver.next(PATIENCE);
            assertThat(delivered.body()).as("a retry sends the same event").isEqualTo(refused.body());
            for (Receiver.Received attempt : List.of(refused, delivered)) {
                assertSigned(attempt, secret);
                assertThat(attempt.headers()).containsEntry("x-arrowsync-event", "job.failed");
                assertThat(attempt.headers().get("content-type")).startsWith("application/json");
            }
            JsonNode event = Api.parse(delivered.body());
            assertThat(event.get("id").asString()).matches("[0-9a-f]{32}");
            assertThat(event.get("type").asString()).isEqualTo("job.failed");
            assertThat(Instant.parse(event.get("created").asString())).isBefore(TestClock.now());
            JsonNode data = event.get("data");
            assertThat(data.get("job_uuid").asString())
                    .isEqualTo(job.get("uuid").asString());
            assertThat(data.get("kind").asString()).isEqualTo("billing_sync");
            assertThat(data.get("settings_uuid").asString()).isEqualTo(settings);
            assertThat(data.get("period").asString()).isEqualTo(MONTH.toString());
            assertThat(data.get("error_message").asString())
                    .isEqualTo(job.get("error_message").asString());
            assertThat(data.get("audit_entry").asString())
                    .isEqualTo(job.get("audit_entry").asString());
            assertThat(delivered.body())
                    .doesNotContain(fixture.emulator().apiKey())
                    .doesNotContain(Api.ADMIN_TOKEN);

            JsonNode log = awaitDelivered(hook);
            assertThat(log.size()).isEqualTo(1);
            JsonNode delivery = log.get(0);
            assertThat(delivery.get("event_type").asString()).isEqualTo("job.failed");
            assertThat(delivery.get("event_id").asString())
                    .isEqualTo(event.get("id").asString());
            assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
            assertThat(delivery.get("response_code").asInt()).isEqualTo(200);
            assertThat(delivery.get("payload")).isEqualTo(event);

            Response again = api.post(
                            HOOKS + hook + "/deliveries/" + delivery.get("uuid").asString() + "/redeliver/", Map.of())
                    .expect(202);
            assertThat(again.text("uuid")).isNotEqualTo(delivery.get("uuid").asString());
            Receiver.Received redelivered = receiver.next(PATIENCE);
            assertSigned(redelivered, secret);
            assertThat(Api.parse(redelivered.body()))
                    .as("the same event, id included")
                    .isEqualTo(event);
        }
    }

    /** D255: an operator turns a webhook off while its receiver fails; its queued retries stop, and say why. */
    @Test
    void aWebhookTurnedOffStopsRetryingItsPendingDeliveries() throws Exception {
        try (Receiver receiver = Receiver.answering(500)) {
            String hook = webhook(receiver.url(), List.of("job.failed"), null);
            fixture.mapAllCustomers();
            fixture.emulator().fault(EXPORTS_UNAVAILABLE);
            assertThat(fixture.syncBilling(MONTH).get("state").asString()).isEqualTo("failed");
            receiver.next(PATIENCE); // the first attempt, refused with a 500: a retry is queued

            JsonNode off = api.patch(HOOKS + hook + "/", Map.of("is_active", false))
                    .expect(200)
                    .json();
            assertThat(off.get("is_active").asBoolean()).isFalse();
            Thread.sleep(1500); // an attempt already under way when it was turned off may still arrive
            while (received(receiver, Duration.ofMillis(100))) {
                // drained
            }
            int after = 0;
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until) {
                if (received(receiver, Duration.ofMillis(200))) {
                    after++;
                }
            }
            assertThat(after)
                    .as("requests an inactive webhook's receiver got in 5 s (backoff here: 200 ms doubling to 1 s)")
                    .isZero();
            JsonNode delivery = Awaitility.await("the delivery ended")
                    .atMost(PATIENCE)
                    .until(
                            () -> api.get(HOOKS + hook + "/deliveries/")
                                    .expect(200)
                                    .json()
                                    .get(0),
                            log -> log.get("state").asString().equals("failed"));
            assertThat(delivery.get("last_error").asString()).isEqualTo(WebhookSender.TURNED_OFF);
            assertThat(api.post(
                                    HOOKS + hook + "/deliveries/"
                                            + delivery.get("uuid").asString() + "/redeliver/",
                                    Map.of())
                            .expect(409)
                            .text("error"))
                    .as("nor is one redelivered")
                    .contains("turned off");
        }
    }

    private static boolean received(Receiver receiver, Duration wait) throws InterruptedException {
        try {
            receiver.next(wait);
            return true;
        } catch (AssertionError none) {
            return false;
        }
    }

    @Test
    void aSlowReceiverNeverDelaysASync() throws Exception {
        try (Receiver slow = Receiver.holding()) {
            webhook(slow.url(), List.of("job.failed", "lines.unmatched", "arrow.unreachable", "arrow.recovered"), null);
            fixture.mapAllCustomers();
            fixture.emulator().fault(EXPORTS_UNAVAILABLE);
            assertThat(fixture.syncBilling(MONTH).get("state").asString()).isEqualTo("failed");
            slow.next(PATIENCE); // a delivery is now held by the receiver

            fixture.emulator().clearFaults();
            long started = System.nanoTime();
            JsonNode synced = fixture.syncBilling(MONTH);
            assertThat(synced.get("state").asString()).as(synced.toString()).isEqualTo("succeeded");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("the sync ran while the receiver still held its delivery")
                    .isLessThan(PATIENCE);
        }
    }

    @Test
    void aReceiverThatDripsItsAnswerFailsTheAttemptAtTheTimeout() throws Exception {
        try (Receiver dripping = Receiver.dripping()) {
            String hook = webhook(dripping.url(), List.of("job.failed"), null);
            fixture.mapAllCustomers();
            fixture.emulator().fault(EXPORTS_UNAVAILABLE);
            fixture.syncBilling(MONTH);
            dripping.next(PATIENCE);
            long started = System.nanoTime();
            JsonNode attempted = Awaitility.await("an attempt of webhook " + hook)
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> api.get(HOOKS + hook + "/deliveries/")
                                    .expect(200)
                                    .json(),
                            log -> log.size() > 0 && log.get(0).get("attempts").asInt() > 0)
                    .get(0);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("an attempt ended while the receiver still dripped")
                    .isLessThan(Duration.ofSeconds(15));
            assertThat(attempted.get("state").asString()).isEqualTo("pending");
            assertThat(attempted.get("last_error").asString()).isEqualTo("no whole answer within 10000 ms");
        }
    }

    @Test
    void linesMatchingNoCustomerRaiseAnEventWithTheirCountAndAmount() throws Exception {
        try (Receiver receiver = Receiver.answering(200)) {
            webhook(receiver.url(), List.of("lines.unmatched"), null);
            String settings = fixture.settings();
            Map<String, String> customers = fixture.mapAllCustomers();
            String unmapped = customers.keySet().iterator().next();
            api.delete("/api/admin/arrow/customer-mappings/" + fixture.mapping(unmapped) + "/")
                    .expect(204);

            JsonNode job = fixture.syncBilling(MONTH);
            assertThat(job.get("state").asString()).isEqualTo("succeeded");
            JsonNode data = Api.parse(receiver.next(PATIENCE).body()).get("data");
            assertThat(data.get("settings_uuid").asString()).isEqualTo(settings);
            assertThat(data.get("lines").asLong())
                    .isPositive()
                    .isEqualTo(job.get("progress").get("unmatched_lines").asLong());
            assertThat(new BigDecimal(data.get("amounts").get(0).get("amount").asString()))
                    .isEqualByComparingTo(fixture.exportSell(MONTH, unmapped));
        }
    }

    @Test
    void webhooksTakeOnlyWebUrlsKnownEventsAndASecretThatIsNeverShown() {
        String secret = "whsec-" + UUID.randomUUID();
        Map<String, Object> valid = new LinkedHashMap<>(Map.of(
                "url", "https://alerts.example/arrowsync", "event_types", List.of("job.failed"), "secret", secret));
        assertThat(api.post(HOOKS, with(valid, "url", "ftp://alerts.example/"))
                        .expect(400)
                        .json()
                        .has("url"))
                .isTrue();
        api.post(HOOKS, with(valid, "url", "file:///etc/passwd")).expect(400);
        assertThat(api.post(HOOKS, with(valid, "event_types", List.of("job.exploded")))
                        .expect(400)
                        .json()
                        .has("event_types"))
                .isTrue();
        api.post(HOOKS, with(valid, "event_types", List.of())).expect(400);
        assertThat(api.post(HOOKS, with(valid, "secret", "short"))
                        .expect(400)
                        .json()
                        .has("secret"))
                .isTrue();
        valid.put("is_active", false);
        Response created = api.post(HOOKS, valid).expect(201);
        String hook = created.text("uuid");
        webhooks.add(hook);
        assertThat(created.json().has("secret")).isFalse();
        assertThat(created.body()).doesNotContain(secret);
        assertThat(api.get(HOOKS + hook + "/").expect(200).body()).doesNotContain(secret);
        assertThat(api.get(HOOKS).expect(200).body()).doesNotContain(secret);
        assertThat(jdbc.sql("select secret from webhooks where uuid = ?::uuid")
                        .param(hook)
                        .query(String.class)
                        .single())
                .as("sealed at rest like API keys")
                .startsWith("enc:v2:")
                .doesNotContain(secret);

        JsonNode patched = api.patch(HOOKS + hook + "/", Map.of("event_types", List.of("arrow.unreachable")))
                .expect(200)
                .json();
        assertThat(patched.get("url").asString()).isEqualTo("https://alerts.example/arrowsync");
        api.put(HOOKS + hook + "/", Map.of("event_types", List.of("job.failed")))
                .expect(400);
        api.as(fixture.userToken()).get(HOOKS).expect(403);
        api.delete(HOOKS + hook + "/").expect(204);
        api.get(HOOKS + hook + "/").expect(404);
    }

    private String webhook(String url, List<String> types, String secret) {
        String hook = api.post(
                        HOOKS,
                        Map.of(
                                "url",
                                url,
                                "event_types",
                                types,
                                "secret",
                                secret == null ? "whsec-" + UUID.randomUUID() : secret))
                .expect(201)
                .text("uuid");
        webhooks.add(hook);
        return hook;
    }

    private JsonNode awaitDelivered(String hook) {
        return Awaitility.await("a delivery of webhook " + hook + " delivered")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.get(HOOKS + hook + "/deliveries/").expect(200).json(),
                        log -> log.size() > 0
                                && log.get(0).get("state").asString().equals("delivered"));
    }

    /** Checks the signature as a receiver would: HMAC-SHA256 of "t.body" with the secret, hex. */
    private static void assertSigned(Receiver.Received received, String secret) {
        String header = received.headers().get("x-arrowsync-signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        assertThat(v1).isEqualTo(hmacSha256Hex(secret, t + "." + received.body()));
        assertThat(Math.abs(TestClock.now().getEpochSecond() - Long.parseLong(t)))
                .isLessThan(120);
    }

    private static String hmacSha256Hex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
