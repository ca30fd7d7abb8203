package org.arrowsync.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.arrowsync.shared.Uuids;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Billing")
@RestController
@RequestMapping("/api/admin/arrow/billing-syncs/")
class ResourceSyncController {

    private final ResourceSync resources;

    ResourceSyncController(ResourceSync resources) {
        this.resources = resources;
    }

    @PostMapping("sync_resources/")
    @Operation(
            summary = "Sync Arrow subscriptions to resources (creates or updates them)",
            operationId = "admin_arrow_billing_syncs_sync_resources",
            description = "Sync Arrow subscriptions to Waldur resources.")
    ResourceSync.SyncResourcesResponse syncResources(@RequestBody(required = false) SyncResourcesRequest body) {
        SyncResourcesRequest request = body == null ? SyncResourcesRequest.EMPTY : body;
        return resources.sync(new ResourceSync.Request(
                request.periodFrom(),
                request.periodTo(),
                Uuids.optionalField("settings_uuid", request.settingsUuid()),
                Uuids.optionalField("offering_uuid", request.offeringUuid()),
                Uuids.optionalField("project_uuid", request.projectUuid()),
                Boolean.TRUE.equals(request.forceImport())));
    }

    @Schema(name = "SyncResourcesRequestRequest")
    record SyncResourcesRequest(
            @Schema(minLength = 1) String periodFrom,
            @Schema(minLength = 1) String periodTo,
            String settingsUuid,
            String offeringUuid,
            String projectUuid,
            Boolean forceImport) {

        static final SyncResourcesRequest EMPTY = new SyncResourcesRequest(null, null, null, null, null, null);
    }
}
