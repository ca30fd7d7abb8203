package org.arrowsync.mappings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.arrowsync.mappings.CustomerMappingService.MappingDraft;
import org.arrowsync.mappings.CustomerMappingService.MappingFilter;
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

/**
 * CRUD of customer mappings; {@code settings} and {@code waldur_customer} are accepted as hyperlinks or UUIDs
 * everywhere.
 */
@Tag(name = "Customer mappings")
@RestController
@RequestMapping("/api/admin/arrow/customer-mappings/")
class CustomerMappingController {

    static final String COLLECTION = "admin/arrow/customer-mappings";

    private final CustomerMappingService mappings;

    CustomerMappingController(CustomerMappingService mappings) {
        this.mappings = mappings;
    }

    @GetMapping
    @Operation(summary = "List customer mappings", operationId = "admin_arrow_customer_mappings_list")
    Listing<ArrowCustomerMapping> list(
            @RequestParam(required = false) String settings,
            @RequestParam(name = "settings_uuid", required = false) String settingsUuid,
            @RequestParam(name = "arrow_reference", required = false) String arrowReference,
            @RequestParam(name = "arrow_company_name", required = false) String arrowCompanyName,
            @RequestParam(name = "waldur_customer", required = false) String customer,
            @RequestParam(name = "waldur_customer_uuid", required = false) String customerUuid,
            @RequestParam(name = "is_active", required = false) String active,
            PageRequest page) {
        UUID settingsFilter = Filters.uuidAndLink("settings_uuid", settingsUuid, "settings", settings);
        UUID customerFilter = Filters.uuidAndLink("waldur_customer_uuid", customerUuid, "waldur_customer", customer);
        MappingFilter filter = new MappingFilter(
                settingsFilter, arrowReference, arrowCompanyName, customerFilter, Filters.bool("is_active", active));
        return mappings.list(filter, page).map(ArrowCustomerMapping::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve a customer mapping", operationId = "admin_arrow_customer_mappings_retrieve")
    ArrowCustomerMapping get(@PathVariable String uuid) {
        return ArrowCustomerMapping.of(mappings.get(Uuids.fromPath(uuid)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Map an Arrow customer to an operator customer",
            operationId = "admin_arrow_customer_mappings_create")
    ArrowCustomerMapping create(@RequestBody ArrowCustomerMappingRequest request) {
        return ArrowCustomerMapping.created(mappings.create(request.draft()));
    }

    @PutMapping("{uuid}/")
    @Operation(summary = "Replace a customer mapping", operationId = "admin_arrow_customer_mappings_update")
    ArrowCustomerMapping replace(@PathVariable String uuid, @RequestBody ArrowCustomerMappingRequest request) {
        CustomerMapping current = mappings.get(Uuids.fromPath(uuid));
        return ArrowCustomerMapping.of(mappings.update(current.uuid(), request.replacing(MappingDraft.of(current))));
    }

    @PatchMapping("{uuid}/")
    @Operation(
            summary = "Change some fields of a customer mapping",
            operationId = "admin_arrow_customer_mappings_partial_update")
    ArrowCustomerMapping patch(
            @PathVariable String uuid, @RequestBody(required = false) ArrowCustomerMappingRequest request) {
        CustomerMapping current = mappings.get(Uuids.fromPath(uuid));
        ArrowCustomerMappingRequest changes = request == null ? ArrowCustomerMappingRequest.NOTHING : request;
        return ArrowCustomerMapping.of(mappings.update(current.uuid(), changes.over(MappingDraft.of(current))));
    }

    @DeleteMapping("{uuid}/")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a customer mapping", operationId = "admin_arrow_customer_mappings_destroy")
    void delete(@PathVariable String uuid) {
        mappings.delete(Uuids.fromPath(uuid));
    }

    record ArrowCustomerMappingRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED) String settings,

            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 255)
            String arrowReference,

            @Schema(maxLength = 500) String arrowCompanyName,
            @Schema(requiredMode = RequiredMode.REQUIRED) String waldurCustomer,
            Boolean isActive) {

        /** A PATCH without a body, as DRF reads it: no field to change. */
        static final ArrowCustomerMappingRequest NOTHING =
                new ArrowCustomerMappingRequest(null, null, null, null, null);

        MappingDraft draft() {
            return new MappingDraft(
                    ref("settings", settings),
                    arrowReference,
                    arrowCompanyName,
                    ref("waldur_customer", waldurCustomer),
                    isActive);
        }

        /**
         * PUT: the required fields as sent (one missing is its 400), an optional one left out keeps its value, as DRF's
         * update keeps a field it was not given.
         */
        MappingDraft replacing(MappingDraft current) {
            return new MappingDraft(
                    ref("settings", settings),
                    arrowReference,
                    arrowCompanyName != null ? arrowCompanyName : current.arrowCompanyName(),
                    ref("waldur_customer", waldurCustomer),
                    isActive != null ? isActive : current.active());
        }

        /** PATCH: every field left out keeps its value. */
        MappingDraft over(MappingDraft current) {
            return new MappingDraft(
                    settings != null ? ref("settings", settings) : current.settingsUuid(),
                    arrowReference != null ? arrowReference : current.arrowReference(),
                    arrowCompanyName != null ? arrowCompanyName : current.arrowCompanyName(),
                    waldurCustomer != null ? ref("waldur_customer", waldurCustomer) : current.customerUuid(),
                    isActive != null ? isActive : current.active());
        }

        private static UUID ref(String field, String value) {
            return value == null || value.isBlank() ? null : Uuids.fromReference(field, value);
        }
    }

    record ArrowCustomerMapping(
            String uuid,
            String url,
            @Schema(format = "uri") String settings,
            String settingsUuid,
            String arrowReference,
            String arrowCompanyName,
            @Schema(format = "uri") String waldurCustomer,
            String waldurCustomerUuid,
            String waldurCustomerName,
            boolean isActive,
            Instant created,
            Instant modified) {

        static ArrowCustomerMapping of(CustomerMapping m) {
            return new ArrowCustomerMapping(
                    Uuids.hex(m.uuid()),
                    ApiUrls.of(COLLECTION, m.uuid()),
                    ApiUrls.of("admin/arrow/settings", m.settingsUuid()),
                    Uuids.hex(m.settingsUuid()),
                    m.arrowReference(),
                    m.arrowCompanyName(),
                    ApiUrls.of("customers", m.customerUuid()),
                    Uuids.hex(m.customerUuid()),
                    m.customerName(),
                    m.active(),
                    m.created(),
                    m.modified());
        }

        /** The contract's {@code ArrowCustomerMappingCreate}: the links are UUIDs, as they were sent. */
        static ArrowCustomerMapping created(CustomerMapping m) {
            ArrowCustomerMapping view = of(m);
            return new ArrowCustomerMapping(
                    view.uuid,
                    view.url,
                    view.settingsUuid,
                    view.settingsUuid,
                    view.arrowReference,
                    view.arrowCompanyName,
                    view.waldurCustomerUuid,
                    view.waldurCustomerUuid,
                    view.waldurCustomerName,
                    view.isActive,
                    view.created,
                    view.modified);
        }
    }
}
