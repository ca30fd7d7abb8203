package org.arrowsync.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
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

@Tag(name = "Setup")
@RestController
@RequestMapping("/api/admin/arrow/settings/")
class SettingsController {

    static final String COLLECTION = "admin/arrow/settings";
    private static final String CURRENCY =
            "The currency of the lines of an export template without a currency column (D9): an ISO 4217 code, EUR"
                    + " unless set; not in Waldur's contract";

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "List Arrow settings", operationId = "admin_arrow_settings_list")
    Listing<ArrowSettings> list(
            @RequestParam(name = "is_active", required = false) String active,
            @RequestParam(name = "sync_enabled", required = false) String syncEnabled,
            PageRequest page) {
        return settings.list(Filters.bool("is_active", active), Filters.bool("sync_enabled", syncEnabled), page)
                .map(ArrowSettings::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve Arrow settings", operationId = "admin_arrow_settings_retrieve")
    ArrowSettings get(@PathVariable String uuid) {
        return ArrowSettings.of(settings.get(Uuids.fromPath(uuid)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create Arrow settings", operationId = "admin_arrow_settings_create")
    ArrowSettings create(@RequestBody ArrowSettingsCreateRequest request) {
        return ArrowSettings.of(settings.create(request.settings().draft()));
    }

    @PutMapping("{uuid}/")
    @Operation(
            summary = "Replace Arrow settings (an absent api_key keeps the stored one)",
            operationId = "admin_arrow_settings_update")
    ArrowSettings replace(@PathVariable String uuid, @RequestBody ArrowSettingsRequest request) {
        return ArrowSettings.of(settings.update(Uuids.fromPath(uuid), request.draft(), true));
    }

    @PatchMapping("{uuid}/")
    @Operation(summary = "Change some fields of Arrow settings", operationId = "admin_arrow_settings_partial_update")
    ArrowSettings patch(@PathVariable String uuid, @RequestBody(required = false) ArrowSettingsRequest request) {
        ArrowSettingsRequest changes = request == null ? ArrowSettingsRequest.NOTHING : request;
        return ArrowSettings.of(settings.update(Uuids.fromPath(uuid), changes.draft(), false));
    }

    @DeleteMapping("{uuid}/")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete Arrow settings", operationId = "admin_arrow_settings_destroy")
    void delete(@PathVariable String uuid) {
        settings.delete(Uuids.fromPath(uuid));
    }

    /**
     * The create body: the contract's {@code ArrowSettingsCreateRequest}, which requires the key that a PUT may leave
     * out (the stored one stays); {@code api_key} is write-only.
     */
    record ArrowSettingsCreateRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri", minLength = 1, maxLength = 255)
            String apiUrl,

            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String apiKey,

            @Schema(maxLength = 255) String exportTypeReference,
            @Schema(minLength = 1, maxLength = 50) String classificationFilter,
            Boolean isActive,
            Boolean syncEnabled,
            @Schema(allowableValues = {"sell", "buy"}) String invoicePriceSource,
            @Schema(maxLength = 100) String invoiceItemPrefix,

            @Schema(minLength = 3, maxLength = 3, description = CURRENCY)
            String currency) {

        ArrowSettingsRequest settings() {
            return new ArrowSettingsRequest(
                    apiUrl,
                    apiKey,
                    exportTypeReference,
                    classificationFilter,
                    isActive,
                    syncEnabled,
                    invoicePriceSource,
                    invoiceItemPrefix,
                    currency);
        }

        @Override
        public String toString() {
            return settings().toString();
        }
    }

    /** PUT and PATCH bodies; {@code api_key} is write-only. */
    record ArrowSettingsRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri", minLength = 1, maxLength = 255)
            String apiUrl,

            @Schema(minLength = 1) String apiKey,
            @Schema(maxLength = 255) String exportTypeReference,
            @Schema(minLength = 1, maxLength = 50) String classificationFilter,
            Boolean isActive,
            Boolean syncEnabled,
            @Schema(allowableValues = {"sell", "buy"}) String invoicePriceSource,
            @Schema(maxLength = 100) String invoiceItemPrefix,

            @Schema(minLength = 3, maxLength = 3, description = CURRENCY)
            String currency) {

        /** A PATCH without a body, as DRF reads it: no field to change. */
        static final ArrowSettingsRequest NOTHING =
                new ArrowSettingsRequest(null, null, null, null, null, null, null, null, null);

        SettingsDraft draft() {
            return new SettingsDraft(
                    apiUrl,
                    apiKey,
                    exportTypeReference,
                    classificationFilter,
                    isActive,
                    syncEnabled,
                    invoicePriceSource,
                    invoiceItemPrefix,
                    currency);
        }

        @Override
        public String toString() {
            return "ArrowSettingsRequest[apiUrl=" + apiUrl + "]";
        }
    }

    /** The contract's {@code ArrowSettings} (and {@code ArrowSettingsCreate}): no {@code api_key}, ever (D19). */
    record ArrowSettings(
            String uuid,
            String url,
            @Schema(format = "uri") String apiUrl,
            String exportTypeReference,
            String classificationFilter,
            boolean isActive,
            boolean syncEnabled,
            String partnerReference,
            String partnerName,
            @Schema(allowableValues = {"sell", "buy"}) String invoicePriceSource,
            String invoiceItemPrefix,
            @Schema(description = CURRENCY) String currency,
            Instant created,
            Instant modified) {

        static ArrowSettings of(Settings s) {
            return new ArrowSettings(
                    Uuids.hex(s.uuid()),
                    ApiUrls.of(COLLECTION, s.uuid()),
                    s.apiUrl(),
                    s.exportTypeReference(),
                    s.classificationFilter(),
                    s.active(),
                    s.syncEnabled(),
                    s.partnerReference(),
                    s.partnerName(),
                    s.priceSource().value(),
                    s.itemPrefix(),
                    s.currency(),
                    s.created(),
                    s.modified());
        }
    }
}
