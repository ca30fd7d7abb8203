package org.arrowsync.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.arrowsync.webhooks.WebhookRepository.WebhookFields;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks and their deliveries. An event goes to every active webhook subscribed to its type: one delivery each,
 * recorded in the transaction of the fact it tells of when there is one (D269), else in their own, and queued once that
 * commits.
 */
@Service
class WebhookService {

    static final int MIN_SECRET_LENGTH = 16;

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final DeliveryQueue queue;
    private final TransactionTemplate recording;
    private final JsonMapper json;
    private final Clock clock;

    WebhookService(
            WebhookRepository webhooks,
            DeliveryRepository deliveries,
            DeliveryQueue queue,
            PlatformTransactionManager transactions,
            JsonMapper json,
            Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.queue = queue;
        // a savepoint of the caller's transaction, if any: its deliveries commit with it, and their failure does not
        // fail it
        this.recording = new TransactionTemplate(transactions);
        this.recording.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.json = json;
        this.clock = clock;
    }

    Webhook create(WebhookDraft draft) {
        return webhooks.insert(validate(draft, null), clock.instant());
    }

    /** PUT ({@code replace}: url and event types must be given) or PATCH; an absent secret keeps the stored one. */
    Webhook update(UUID uuid, WebhookDraft draft, boolean replace) {
        Webhook current = get(uuid);
        FieldErrors errors = new FieldErrors();
        if (replace) {
            errors.requiredValue("url", draft.url());
            errors.requiredValue("event_types", draft.eventTypes());
        }
        errors.throwIfAny();
        webhooks.update(current.id(), validate(draft, current), clock.instant());
        return get(uuid);
    }

    void delete(UUID uuid) {
        webhooks.delete(get(uuid).id());
    }

    Webhook get(UUID uuid) {
        return webhooks.find(uuid).orElseThrow(NotFound::new);
    }

    Listing<Webhook> list(Boolean active, PageRequest page) {
        return webhooks.list(active, page);
    }

    Listing<Delivery> deliveries(UUID webhook, String state, PageRequest page) {
        return deliveries.list(get(webhook).id(), state, page);
    }

    /** Sends the delivery's event again, as a new delivery with the same event id and payload. */
    Delivery redeliver(UUID webhook, UUID deliveryUuid) {
        Webhook hook = get(webhook);
        Delivery delivery = deliveries
                .find(deliveryUuid)
                .filter(found -> found.webhookId() == hook.id())
                .orElseThrow(NotFound::new);
        if (!hook.active()) {
            throw new WebhookTurnedOff();
        }
        UUID again = deliveries.insert(
                hook.id(), delivery.eventId(), delivery.eventType(), delivery.payload(), clock.instant());
        queue.queue(again);
        return deliveries.find(again).orElseThrow();
    }

    /**
     * Sends the event to every active webhook subscribed to its type; returns the deliveries recorded, queued at once
     * or, inside a transaction, once it commits.
     */
    List<UUID> raise(EventType type, Object data) {
        Instant now = clock.instant();
        UUID eventId = UUID.randomUUID();
        String payload = json.writeValueAsString(new Payload(Uuids.hex(eventId), type.value(), now, data));
        List<UUID> recorded = recording.execute(status -> {
            List<UUID> inserted = new ArrayList<>();
            for (Webhook webhook : webhooks.subscribedTo(type)) {
                inserted.add(deliveries.insert(webhook.id(), eventId, type.value(), payload, now));
            }
            return inserted;
        });
        // a server lost before the queueing leaves them to the queue's sweep of pending deliveries
        afterCommit(() -> recorded.forEach(queue::queue));
        return recorded;
    }

    /** Runs the action once the caller's transaction commits (never if it rolls back), or now outside one. */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private WebhookFields validate(WebhookDraft draft, Webhook current) {
        FieldErrors errors = new FieldErrors();
        String url = draft.url() != null ? draft.url().strip() : current == null ? null : current.url();
        if (errors.required("url", url)) {
            errors.maxLength("url", url, 2000);
            if (!isWebUrl(url)) {
                errors.add("url", "Enter a valid http or https URL.");
            }
        }
        List<EventType> types = current == null || draft.eventTypes() != null
                ? eventTypes(errors, draft.eventTypes())
                : current.eventTypes();
        String secret = draft.secret() != null ? draft.secret() : current == null ? null : current.secret();
        if (errors.required("secret", secret)) {
            if (secret.length() < MIN_SECRET_LENGTH) {
                errors.add("secret", "Ensure this field has at least " + MIN_SECRET_LENGTH + " characters.");
            }
            errors.maxLength("secret", secret, 500);
        }
        String description =
                draft.description() != null ? draft.description() : current == null ? "" : current.description();
        errors.maxLength("description", description, 500);
        errors.throwIfAny();
        boolean active = draft.active() != null ? draft.active() : current == null || current.active();
        return new WebhookFields(url, types, secret, active, description);
    }

    private static List<EventType> eventTypes(FieldErrors errors, List<String> names) {
        if (names == null || names.isEmpty()) {
            errors.add("event_types", "Choose at least one of " + EventType.names() + ".");
            return List.of();
        }
        Set<EventType> types = new LinkedHashSet<>();
        for (String name : names) {
            Optional<EventType> type = EventType.of(name);
            if (type.isEmpty()) {
                errors.oneOf("event_types", name, EventType.names());
            } else {
                types.add(type.get());
            }
        }
        return List.copyOf(types);
    }

    /** Only plain web addresses: an absolute http or https URL with a host and a port the HTTP client can use. */
    static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && (uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65_535))
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** What a webhook request body may hold; null fields are absent. */
    record WebhookDraft(String url, List<String> eventTypes, String secret, Boolean active, String description) {

        /** Without the secret, should a draft ever be logged. */
        @Override
        public String toString() {
            return "WebhookDraft[url=" + url + ", eventTypes=" + eventTypes + ", secret=****]";
        }
    }

    /** The JSON every delivery carries: the event's id, type and time, and what happened. */
    record Payload(String id, String type, Instant created, Object data) {}
}
