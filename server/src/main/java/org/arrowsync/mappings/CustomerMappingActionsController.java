package org.arrowsync.mappings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.arrowsync.mappings.ArrowDataFetch.FetchCustomerArrowDataResponse;
import org.arrowsync.mappings.CustomerDiscovery.AvailableArrowCustomersResponse;
import org.arrowsync.mappings.CustomerDiscovery.SyncFromArrowResponse;
import org.arrowsync.mappings.LicenseDiscovery.DiscoverLicensesResponse;
import org.arrowsync.mappings.LicenseLinking.ImportLicense;
import org.arrowsync.mappings.LicenseLinking.ImportLicenseResponse;
import org.arrowsync.mappings.LicenseLinking.LinkResourceResponse;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Uuids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer-mapping actions: discovery against Arrow, company-name refresh, license linking and import. */
@Tag(name = "Customer mappings")
@RestController
@RequestMapping("/api/admin/arrow/customer-mappings/")
class CustomerMappingActionsController {

    private final CustomerDiscovery discovery;
    private final ArrowDataFetch arrowData;
    private final LicenseDiscovery licenses;
    private final LicenseLinking linking;

    CustomerMappingActionsController(
            CustomerDiscovery discovery, ArrowDataFetch arrowData, LicenseDiscovery licenses, LicenseLinking linking) {
        this.discovery = discovery;
        this.arrowData = arrowData;
        this.licenses = licenses;
        this.linking = linking;
    }

    @GetMapping("available_customers/")
    @Operation(
            summary = "List Arrow customers not yet mapped, with suggested matches",
            operationId = "admin_arrow_customer_mappings_available_customers_retrieve")
    AvailableArrowCustomersResponse available() {
        return discovery.available();
    }

    @PostMapping("sync_from_arrow/")
    @Operation(
            summary = "Refresh mapped customers' company names from Arrow",
            operationId = "admin_arrow_customer_mappings_sync_from_arrow")
    SyncFromArrowResponse syncFromArrow(@RequestBody(required = false) SyncFromArrowRequest request) {
        String settings = request == null ? null : request.settingsUuid();
        // absent is the active settings; a blank one is no uuid (D148), a hyperlink is as good as a uuid
        return discovery.syncFromArrow(settings == null ? null : Uuids.fromReference("settings_uuid", settings));
    }

    @GetMapping("{uuid}/fetch_arrow_data/")
    @Operation(
            summary = "Fetch a mapped customer's current billing and consumption from Arrow",
            operationId = "admin_arrow_customer_mappings_fetch_arrow_data_retrieve")
    FetchCustomerArrowDataResponse fetchArrowData(@PathVariable String uuid) {
        return arrowData.fetch(Uuids.fromPath(uuid));
    }

    @GetMapping("{uuid}/discover_licenses/")
    @Operation(
            summary = "List a mapped customer's Arrow licenses with resources to link",
            operationId = "admin_arrow_customer_mappings_discover_licenses_retrieve")
    DiscoverLicensesResponse discoverLicenses(@PathVariable String uuid) {
        return licenses.discover(Uuids.fromPath(uuid));
    }

    @PostMapping("{uuid}/link_resource/")
    @Operation(
            summary = "Link a resource to an Arrow license",
            operationId = "admin_arrow_customer_mappings_link_resource")
    LinkResourceResponse link(@PathVariable String uuid, @RequestBody LinkResourceRequest request) {
        UUID mapping = Uuids.fromPath(uuid);
        FieldErrors errors = new FieldErrors();
        errors.required("resource_uuid", request.resourceUuid());
        errors.requiredText("license_reference", request.licenseReference(), 255);
        errors.throwIfAny();
        return linking.link(
                mapping,
                Uuids.fromReference("resource_uuid", request.resourceUuid()),
                request.licenseReference().strip());
    }

    @PostMapping("{uuid}/import_license/")
    @Operation(
            summary = "Import an Arrow license as a new resource",
            operationId = "admin_arrow_customer_mappings_import_license")
    ImportLicenseResponse importLicense(@PathVariable String uuid, @RequestBody ImportLicenseRequest request) {
        return linking.importLicense(
                Uuids.fromPath(uuid),
                ImportLicense.of(
                        request.licenseReference(),
                        request.licenseName(),
                        request.offeringUuid(),
                        request.projectUuid()));
    }

    @Schema(name = "SyncFromArrowRequestRequest")
    record SyncFromArrowRequest(String settingsUuid) {}

    @Schema(name = "LinkResourceRequestRequest")
    record LinkResourceRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED) String resourceUuid,

            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String licenseReference) {}

    @Schema(name = "ImportLicenseRequestRequest")
    record ImportLicenseRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String licenseReference,

            @Schema(minLength = 1) String licenseName,
            @Schema(requiredMode = RequiredMode.REQUIRED) String offeringUuid,
            @Schema(requiredMode = RequiredMode.REQUIRED) String projectUuid) {}
}
