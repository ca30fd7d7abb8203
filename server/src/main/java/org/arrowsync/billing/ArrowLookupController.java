package org.arrowsync.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.arrowsync.billing.ArrowLookups.ExportRows;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Synchronous looks at Arrow's own data, for operators checking what Arrow says (D20: they return rows, not errors).
 */
@Tag(name = "Billing")
@RestController
@RequestMapping("/api/admin/arrow/billing-syncs/")
class ArrowLookupController {

    private final ArrowLookups lookups;

    ArrowLookupController(ArrowLookups lookups) {
        this.lookups = lookups;
    }

    @PostMapping("fetch_billing_export/")
    @Operation(
            summary = "Fetch raw billing export rows from Arrow",
            operationId = "admin_arrow_billing_syncs_fetch_billing_export",
            description = "Fetch billing export data from Arrow.")
    ExportRows fetchBillingExport(@RequestBody FetchBillingExportRequest request) {
        return lookups.billingExport(request.periodFrom(), request.periodTo(), request.classification());
    }

    @PostMapping("fetch_license_info/")
    @Operation(
            summary = "Fetch a license's details from Arrow",
            operationId = "admin_arrow_billing_syncs_fetch_license_info",
            description = "Fetch license information from Arrow.")
    LicenseInfo fetchLicenseInfo(@RequestBody FetchLicenseInfoRequest request) {
        return new LicenseInfo(lookups.license(request.licenseReference()));
    }

    @Schema(name = "FetchBillingExportRequestRequest")
    record FetchBillingExportRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String periodFrom,

            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String periodTo,

            @Schema(minLength = 1) String classification) {}

    @Schema(name = "FetchLicenseInfoRequestRequest")
    record FetchLicenseInfoRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1)
            String licenseReference) {}

    @Schema(name = "FetchLicenseInfoResponse")
    record LicenseInfo(@Schema(type = "object") JsonNode data) {}
}
