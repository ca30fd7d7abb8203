package org.arrowsync.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AccessMode;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Texts;
import org.arrowsync.shared.Uuids;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhooks (staff): where alerts go and which; the secret is write-only. Each has a delivery log and redelivery. */
@Tag(name = "Webhooks")
@RestController
@RequestMapping("/api/admin/webhooks/")
class WebhookController {

    private final WebhookService webhooks;
    private final JsonMapper json;

    WebhookController(WebhookService webhooks, JsonMapper json) {
        this.webhooks = webhooks;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "List webhooks")
    Listing<WebhookView> list(@RequestParam(name = "is_active", required = false) String active, PageRequest page) {
        return webhooks.list(Filters.bool("is_active", active), page).map(WebhookView::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve a webhook")
    WebhookView get(@PathVariable String uuid) {
        return WebhookView.of(webhooks.get(Uuids.fromPath(uuid)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a webhook")
    WebhookView create(@RequestBody WebhookRequest request) {
        return WebhookView.of(webhooks.create(request.draft()));
    }

    @PutMapping("{uuid}/")
    @Operation(summary = "Replace a webhook (an absent secret keeps the stored one)")
    WebhookView replace(@PathVariable String uuid, @RequestBody WebhookRequest request) {
        return WebhookView.of(webhooks.update(Uuids.fromPath(uuid), request.draft(), true));
    }

    @PatchMapping("{uuid}/")
    @Operation(summary = "Change some fields of a webhook")
    WebhookView patch(@PathVariable String uuid, @RequestBody WebhookRequest request) {
        return WebhookView.of(webhooks.update(Uuids.fromPath(uuid), request.draft(), false));
    }

    @DeleteMapping("{uuid}/")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a webhook and its delivery log")
    void delete(@PathVariable String uuid) {
        webhooks.delete(Uuids.fromPath(uuid));
    }

    @GetMapping("{uuid}/deliveries/")
    @Operation(summary = "The webhook's delivery log, newest first")
    Listing<DeliveryView> deliveries(
            @PathVariable String uuid, @RequestParam(required = false) String state, PageRequest page) {
        String chosen = Filters.choice(
                "state", Texts.strippedOrNull(state), List.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.FAILED));
        return webhooks.deliveries(Uuids.fromPath(uuid), chosen, page).map(this::view);
    }

    @PostMapping("{uuid}/deliveries/{delivery_uuid}/redeliver/")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a delivery's event again: a new delivery, same event id and payload")
    DeliveryView redeliver(@PathVariable String uuid, @PathVariable(name = "delivery_uuid") String delivery) {
        return view(webhooks.redeliver(Uuids.fromPath(uuid), Uuids.fromPath(delivery)));
    }

    private DeliveryView view(Delivery delivery) {
        return new DeliveryView(
                Uuids.hex(delivery.uuid()),
                Uuids.hex(delivery.eventId()),
                delivery.eventType(),
                delivery.state(),
                delivery.attempts(),
                delivery.responseCode(),
                delivery.lastError(),
                delivery.created(),
                delivery.lastAttempt(),
                delivery.nextAttempt(),
                delivery.delivered(),
                json.readTree(delivery.payload()));
    }

    /** A webhook request body; {@code secret} is write-only (at least 16 characters) and never answered. */
    record WebhookRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri")
            String url,

            @Schema(requiredMode = RequiredMode.REQUIRED) List<String> eventTypes,

            @Schema(accessMode = AccessMode.WRITE_ONLY, description = "Signing secret, required on create")
            String secret,

            Boolean isActive,
            String description) {

        /** Without the secret, should a request ever be logged. */
        @Override
        public String toString() {
            return "WebhookRequest[url=" + url + ", eventTypes=" + eventTypes + ", secret=****]";
        }

        WebhookService.WebhookDraft draft() {
            return new WebhookService.WebhookDraft(url, eventTypes, secret, isActive, description);
        }
    }

    record WebhookView(
            String uuid,
            String url,
            List<String> eventTypes,
            boolean isActive,
            String description,
            Instant created,
            Instant modified) {

        static WebhookView of(Webhook webhook) {
            return new WebhookView(
                    Uuids.hex(webhook.uuid()),
                    webhook.url(),
                    webhook.eventTypes().stream().map(EventType::value).toList(),
                    webhook.active(),
                    webhook.description(),
                    webhook.created(),
                    webhook.modified());
        }
    }

    /**
     * One delivery: {@code state} pending, delivered or failed; {@code response_code} the last answer's status (0: no
     * answer); {@code payload} the JSON that is sent (and signed).
     */
    record DeliveryView(
            String uuid,
            String eventId,
            String eventType,
            String state,
            int attempts,
            @Schema(nullable = true) Integer responseCode,
            String lastError,
            Instant created,
            @Schema(nullable = true) Instant lastAttempt,
            @Schema(nullable = true) Instant nextAttempt,
            @Schema(nullable = true) Instant delivered,
            JsonNode payload) {}
}
