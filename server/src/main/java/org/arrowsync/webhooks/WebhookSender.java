package org.arrowsync.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.arrowsync.shared.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt at a delivery: a signed POST of its payload with a timeout, recorded in the delivery log. A 2xx
 * answer delivers it; anything else is retried after a growing wait until the retry period since the event ends, then
 * the delivery has failed.
 */
@Component
class WebhookSender {

    static final String EVENT_HEADER = "X-Arrowsync-Event";
    static final String DELIVERY_HEADER = "X-Arrowsync-Delivery";

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final DeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final WebhooksProperties properties;
    private final Clock clock;
    private final HttpClient http;

    /** What a delivery of a webhook turned off says, for good. */
    static final String TURNED_OFF = "not sent: the webhook is turned off";

    WebhookSender(
            DeliveryRepository deliveries, WebhookRepository webhooks, WebhooksProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The next attempt to queue, if any. */
    Optional<NextAttempt> attempt(UUID deliveryUuid) {
        Delivery delivery = deliveries.find(deliveryUuid).orElse(null);
        if (delivery == null || !delivery.pending()) {
            return Optional.empty();
        }
        Webhook webhook = webhooks.find(delivery.webhookId()).orElse(null);
        if (webhook == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!webhook.active()) {
            // turned off: its receiver gets nothing more, its retries included (D255)
            deliveries.attempted(delivery.id(), Delivery.FAILED, delivery.attempts(), 0, TURNED_OFF, now, null);
            return Optional.empty();
        }
        int attempts = delivery.attempts() + 1;
        int status = 0;
        String error = "";
        // The whole answer must be in by the timeout: the request's own timeout ends at the headers, and a receiver
        // that drips its body would hold a delivery worker for ever.
        CompletableFuture<HttpResponse<Void>> pending =
                http.sendAsync(request(webhook, delivery, now), HttpResponse.BodyHandlers.discarding());
        try {
            status = pending.get(properties.timeout().toNanos(), TimeUnit.NANOSECONDS)
                    .statusCode();
            error = status / 100 == 2 ? "" : "HTTP " + status;
        } catch (TimeoutException e) {
            pending.cancel(true);
            error = "no whole answer within " + properties.timeout().toMillis() + " ms";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            error = Texts.truncate(
                    cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                    500);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        if (status / 100 == 2) {
            deliveries.attempted(delivery.id(), Delivery.DELIVERED, attempts, status, "", now, null);
            return Optional.empty();
        }
        Instant next = clock.instant().plus(properties.backoff(attempts));
        if (!next.isBefore(delivery.created().plus(properties.retryFor()))) {
            log.warn(
                    "Webhook {} gave up delivering {} event {} after {} attempts: {}",
                    webhook.uuid(),
                    delivery.eventType(),
                    delivery.eventId(),
                    attempts,
                    error);
            deliveries.attempted(delivery.id(), Delivery.FAILED, attempts, status, error, now, null);
            return Optional.empty();
        }
        log.info(
                "Webhook {} attempt {} of {} failed ({}); next at {}",
                webhook.uuid(),
                attempts,
                delivery.uuid(),
                error,
                next);
        deliveries.attempted(delivery.id(), Delivery.PENDING, attempts, status, error, now, next);
        return Optional.of(new NextAttempt(attempts + 1, next));
    }

    private HttpRequest request(Webhook webhook, Delivery delivery, Instant now) {
        return HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "arrowsync-webhooks")
                .header(EVENT_HEADER, delivery.eventType())
                .header(DELIVERY_HEADER, delivery.uuid().toString())
                .header(Signature.HEADER, Signature.header(webhook.secret(), now.getEpochSecond(), delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
    }

    /** The attempt to make next (numbered from 1) and when. */
    record NextAttempt(int number, Instant at) {}
}
