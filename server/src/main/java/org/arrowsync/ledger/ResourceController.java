package org.arrowsync.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrowsync.ledger.ResourceService.ResourceDraft;
import org.arrowsync.ledger.ResourceService.ResourceFilter;
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

@Tag(name = "Ledger")
@RestController
@RequestMapping("/api/marketplace-resources/")
class ResourceController {

    private final ResourceService resources;

    ResourceController(ResourceService resources) {
        this.resources = resources;
    }

    @GetMapping
    @Operation(summary = "List resources")
    Listing<ResourceView> list(
            @RequestParam(name = "customer_uuid", required = false) String customerUuid,
            @RequestParam(name = "project_uuid", required = false) String projectUuid,
            @RequestParam(name = "offering_uuid", required = false) String offeringUuid,
            @RequestParam(required = false) String name,
            @RequestParam(name = "backend_id", required = false) String backendId,
            @RequestParam(required = false) String query,
            @Parameter(description = "one or more states (repeat the parameter); a resource in any of them is listed")
                    @RequestParam(required = false)
                    List<String> state,
            PageRequest page) {
        ResourceFilter filter = new ResourceFilter(
                Filters.uuid("customer_uuid", customerUuid),
                Filters.uuid("project_uuid", projectUuid),
                Filters.uuid("offering_uuid", offeringUuid),
                name,
                backendId,
                query,
                Filters.choices("state", state, ResourceService.STATES));
        return resources.list(filter, page).map(ResourceView::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve a resource")
    ResourceView get(@PathVariable String uuid) {
        return ResourceView.of(resources.get(Uuids.fromPath(uuid)));
    }

    @PostMapping
    @Operation(summary = "Create a resource")
    @ResponseStatus(HttpStatus.CREATED)
    ResourceView create(@RequestBody ResourceForm form) {
        return ResourceView.of(resources.create(form.draft()));
    }

    @PutMapping("{uuid}/")
    @Operation(summary = "Replace a resource")
    ResourceView replace(@PathVariable String uuid, @RequestBody ResourceForm form) {
        return ResourceView.of(resources.update(Uuids.fromPath(uuid), form.draft()));
    }

    @PatchMapping("{uuid}/")
    @Operation(summary = "Change some fields of a resource")
    ResourceView patch(@PathVariable String uuid, @RequestBody ResourceForm form) {
        Resource current = resources.get(Uuids.fromPath(uuid));
        return ResourceView.of(resources.update(current.uuid(), form.over(ResourceDraft.of(current))));
    }

    /** Waldur's action, which its Arrow admin UI offers on a resource's row: the answer says whether it changed. */
    @PostMapping("{uuid}/set_backend_id/")
    @Operation(summary = "Set a resource's backend id")
    StatusAnswer setBackendId(@PathVariable String uuid, @RequestBody BackendIdForm form) {
        boolean changed = resources.setBackendId(Uuids.fromPath(uuid), form.backendId());
        return new StatusAnswer(
                changed ? "Resource backend_id has been changed." : "Resource backend_id is not changed.");
    }

    record BackendIdForm(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 255)
            String backendId) {}

    record StatusAnswer(String status) {}

    @DeleteMapping("{uuid}/")
    @Operation(summary = "Delete a resource")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String uuid) {
        resources.delete(Uuids.fromPath(uuid));
    }

    /** Links ({@code offering}, {@code project}, {@code plan}) may be hyperlinks or UUIDs. */
    record ResourceForm(
            String name,
            String backendId,
            String state,
            String offering,
            String project,
            String plan,
            JsonNode attributes,
            JsonNode report,
            JsonNode currentUsages) {

        ResourceDraft draft() {
            return new ResourceDraft(
                    name,
                    backendId,
                    state,
                    ref("offering", offering),
                    ref("project", project),
                    ref("plan", plan),
                    attributes,
                    report,
                    currentUsages);
        }

        ResourceDraft over(ResourceDraft current) {
            return new ResourceDraft(
                    name != null ? name : current.name(),
                    backendId != null ? backendId : current.backendId(),
                    state != null ? state : current.state(),
                    offering != null ? ref("offering", offering) : current.offeringUuid(),
                    project != null ? ref("project", project) : current.projectUuid(),
                    plan != null ? ref("plan", plan) : current.planUuid(),
                    attributes != null ? attributes : current.attributes(),
                    report != null ? report : current.report(),
                    currentUsages != null ? currentUsages : current.currentUsages());
        }

        private static UUID ref(String field, String value) {
            return value == null || value.isBlank() ? null : Uuids.fromReference(field, value);
        }
    }

    record ResourceView(
            String url,
            String uuid,
            String name,
            String backendId,
            String state,
            @Schema(format = "uri") String offering,
            String offeringUuid,
            String offeringName,
            @Schema(format = "uri") String project,
            String projectUuid,
            String projectName,
            @Schema(format = "uri") String customer,
            String customerUuid,
            String customerName,
            @Schema(nullable = true) String planUuid,
            @Schema(nullable = true) String planName,
            JsonNode attributes,
            JsonNode report,
            JsonNode currentUsages,
            Instant created,
            Instant modified) {

        static ResourceView of(Resource r) {
            return new ResourceView(
                    ApiUrls.of("marketplace-resources", r.uuid()),
                    Uuids.hex(r.uuid()),
                    r.name(),
                    r.backendId(),
                    r.state(),
                    ApiUrls.of(OfferingController.COLLECTION, r.offering().uuid()),
                    Uuids.hex(r.offering().uuid()),
                    r.offering().name(),
                    ApiUrls.of("projects", r.project().uuid()),
                    Uuids.hex(r.project().uuid()),
                    r.project().name(),
                    ApiUrls.of("customers", r.customer().uuid()),
                    Uuids.hex(r.customer().uuid()),
                    r.customer().name(),
                    r.plan() == null ? null : Uuids.hex(r.plan().uuid()),
                    r.plan() == null ? null : r.plan().name(),
                    r.attributes(),
                    r.report(),
                    r.currentUsages(),
                    r.created(),
                    r.modified());
        }
    }
}
