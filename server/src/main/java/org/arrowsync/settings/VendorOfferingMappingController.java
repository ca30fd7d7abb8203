package org.arrowsync.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.arrowsync.settings.VendorOfferingMappingService.VendorDraft;
import org.arrowsync.settings.VendorOfferingMappingService.VendorFilter;
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
import tools.jackson.databind.JsonNode;

/**
 * Vendor-offering mappings; {@code settings}, {@code offering} and {@code plan} are accepted as hyperlinks or UUIDs.
 */
@Tag(name = "Vendor mappings")
@RestController
@RequestMapping("/api/admin/arrow/vendor-offering-mappings/")
class VendorOfferingMappingController {

    static final String COLLECTION = "admin/arrow/vendor-offering-mappings";

    private final VendorOfferingMappingService mappings;

    VendorOfferingMappingController(VendorOfferingMappingService mappings) {
        this.mappings = mappings;
    }

    @GetMapping
    @Operation(summary = "List vendor-offering mappings", operationId = "admin_arrow_vendor_offering_mappings_list")
    Listing<ArrowVendorOfferingMapping> list(
            @RequestParam(required = false) String settings,
            @RequestParam(name = "settings_uuid", required = false) String settingsUuid,
            @RequestParam(name = "arrow_vendor_name", required = false) String vendorName,
            @RequestParam(required = false) String offering,
            @RequestParam(name = "offering_uuid", required = false) String offeringUuid,
            @RequestParam(name = "is_active", required = false) String active,
            PageRequest page) {
        UUID settingsFilter = Filters.uuidAndLink("settings_uuid", settingsUuid, "settings", settings);
        UUID offeringFilter = Filters.uuidAndLink("offering_uuid", offeringUuid, "offering", offering);
        VendorFilter filter =
                new VendorFilter(settingsFilter, vendorName, offeringFilter, Filters.bool("is_active", active));
        return mappings.list(filter, page).map(ArrowVendorOfferingMapping::of);
    }

    @GetMapping("{uuid}/")
    @Operation(
            summary = "Retrieve a vendor-offering mapping",
            operationId = "admin_arrow_vendor_offering_mappings_retrieve")
    ArrowVendorOfferingMapping get(@PathVariable String uuid) {
        return ArrowVendorOfferingMapping.of(mappings.get(Uuids.fromPath(uuid)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Map an Arrow vendor to an offering and plan",
            operationId = "admin_arrow_vendor_offering_mappings_create")
    ArrowVendorOfferingMapping create(@RequestBody ArrowVendorOfferingMappingRequest request) {
        return ArrowVendorOfferingMapping.created(mappings.create(request.draft()));
    }

    @PutMapping("{uuid}/")
    @Operation(
            summary = "Replace a vendor-offering mapping",
            operationId = "admin_arrow_vendor_offering_mappings_update")
    ArrowVendorOfferingMapping replace(
            @PathVariable String uuid, @RequestBody ArrowVendorOfferingMappingRequest request) {
        VendorOfferingMapping current = mappings.get(Uuids.fromPath(uuid));
        return ArrowVendorOfferingMapping.of(
                mappings.update(current.uuid(), request.replacing(VendorDraft.of(current))));
    }

    @PatchMapping("{uuid}/")
    @Operation(
            summary = "Change some fields of a vendor-offering mapping",
            operationId = "admin_arrow_vendor_offering_mappings_partial_update")
    ArrowVendorOfferingMapping patch(
            @PathVariable String uuid, @RequestBody(required = false) ArrowVendorOfferingMappingRequest request) {
        VendorOfferingMapping current = mappings.get(Uuids.fromPath(uuid));
        ArrowVendorOfferingMappingRequest changes =
                request == null ? ArrowVendorOfferingMappingRequest.NOTHING : request;
        return ArrowVendorOfferingMapping.of(mappings.update(current.uuid(), changes.over(VendorDraft.of(current))));
    }

    @DeleteMapping("{uuid}/")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Delete a vendor-offering mapping",
            operationId = "admin_arrow_vendor_offering_mappings_destroy")
    void delete(@PathVariable String uuid) {
        mappings.delete(Uuids.fromPath(uuid));
    }

    /**
     * An absent plan keeps the current one while the offering stays and a null one clears it, as DRF's updates do; on
     * PUT the required fields are as sent.
     */
    record ArrowVendorOfferingMappingRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED) String settings,

            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 255)
            String arrowVendorName,

            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid")
            String offering,

            // A node, not text: PATCH tells an absent plan (null here) from a null one (a null node)
            @Schema(type = "string", format = "uuid", nullable = true)
            JsonNode plan,

            Boolean isActive) {

        /** A PATCH without a body, as DRF reads it: no field to change. */
        static final ArrowVendorOfferingMappingRequest NOTHING =
                new ArrowVendorOfferingMappingRequest(null, null, null, null, null);

        VendorDraft draft() {
            return new VendorDraft(
                    ref("settings", settings), arrowVendorName, ref("offering", offering), planUuid(), isActive);
        }

        /** PUT: the required fields as sent (one missing is its 400), an optional one left out keeps its value. */
        VendorDraft replacing(VendorDraft current) {
            UUID offeringUuid = ref("offering", offering);
            return new VendorDraft(
                    ref("settings", settings),
                    arrowVendorName,
                    offeringUuid,
                    plan(current, offeringUuid),
                    isActive != null ? isActive : current.active());
        }

        /** PATCH: every field left out keeps its value. */
        VendorDraft over(VendorDraft current) {
            UUID offeringUuid = offering != null ? ref("offering", offering) : current.offeringUuid();
            return new VendorDraft(
                    settings != null ? ref("settings", settings) : current.settingsUuid(),
                    arrowVendorName != null ? arrowVendorName : current.vendorName(),
                    offeringUuid,
                    plan(current, offeringUuid),
                    isActive != null ? isActive : current.active());
        }

        /**
         * The plan sent, else the current one while the offering stays: a plan of the offering replaced goes with it.
         */
        private UUID plan(VendorDraft current, UUID offeringUuid) {
            if (plan != null) {
                return planUuid();
            }
            return current.offeringUuid().equals(offeringUuid) ? current.planUuid() : null;
        }

        private UUID planUuid() {
            if (plan == null || plan.isNull()) {
                return null;
            }
            return ref("plan", plan.isString() ? plan.asString() : plan.toString());
        }

        private static UUID ref(String field, String value) {
            return value == null || value.isBlank() ? null : Uuids.fromReference(field, value);
        }
    }

    record ArrowVendorOfferingMapping(
            String uuid,
            String url,
            @Schema(format = "uri") String settings,
            String settingsUuid,
            String arrowVendorName,
            @Schema(format = "uuid") String offering,
            String offeringUuid,
            String offeringName,
            String offeringType,
            @Schema(format = "uuid", nullable = true) String plan,
            @Schema(nullable = true) String planUuid,
            @Schema(nullable = true) String planName,
            boolean isActive,
            Instant created,
            Instant modified) {

        static ArrowVendorOfferingMapping of(VendorOfferingMapping m) {
            return new ArrowVendorOfferingMapping(
                    Uuids.hex(m.uuid()),
                    ApiUrls.of(COLLECTION, m.uuid()),
                    ApiUrls.of(SettingsController.COLLECTION, m.settingsUuid()),
                    Uuids.hex(m.settingsUuid()),
                    m.vendorName(),
                    Uuids.hex(m.offeringUuid()),
                    Uuids.hex(m.offeringUuid()),
                    m.offeringName(),
                    m.offeringType(),
                    Uuids.hex(m.planUuid()),
                    Uuids.hex(m.planUuid()),
                    m.planName(),
                    m.active(),
                    m.created(),
                    m.modified());
        }

        /** The contract's {@code ArrowVendorOfferingMappingCreate}: {@code settings} is the UUID it was sent as. */
        static ArrowVendorOfferingMapping created(VendorOfferingMapping m) {
            ArrowVendorOfferingMapping view = of(m);
            return new ArrowVendorOfferingMapping(
                    view.uuid,
                    view.url,
                    view.settingsUuid,
                    view.settingsUuid,
                    view.arrowVendorName,
                    view.offering,
                    view.offeringUuid,
                    view.offeringName,
                    view.offeringType,
                    view.plan,
                    view.planUuid,
                    view.planName,
                    view.isActive,
                    view.created,
                    view.modified);
        }
    }
}
