package org.arrowsync.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.arrowsync.ledger.ProjectService.ProjectFilter;
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

@Tag(name = "Ledger")
@RestController
@RequestMapping("/api/projects/")
class ProjectController {

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping
    @Operation(summary = "List projects")
    Listing<ProjectView> list(
            @RequestParam(name = "customer_uuid", required = false) String customerUuid,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String name,
            PageRequest page) {
        // Waldur's UI narrows projects by `customer` (a UUID or URL); both given must name one customer
        UUID owner = Filters.uuidAndLink("customer_uuid", customerUuid, "customer", customer);
        return projects.list(new ProjectFilter(owner, name), page).map(ProjectView::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve a project")
    ProjectView get(@PathVariable String uuid) {
        return ProjectView.of(projects.get(Uuids.fromPath(uuid)));
    }

    @PostMapping
    @Operation(summary = "Create a project")
    @ResponseStatus(HttpStatus.CREATED)
    ProjectView create(@RequestBody ProjectForm form) {
        return ProjectView.of(projects.create(form.customerUuid(), form.name(), form.description()));
    }

    @PutMapping("{uuid}/")
    @Operation(summary = "Replace a project")
    ProjectView replace(@PathVariable String uuid, @RequestBody ProjectForm form) {
        return ProjectView.of(
                projects.update(Uuids.fromPath(uuid), form.customerUuid(), form.name(), form.description()));
    }

    @PatchMapping("{uuid}/")
    @Operation(summary = "Change some fields of a project")
    ProjectView patch(@PathVariable String uuid, @RequestBody ProjectForm form) {
        Project current = projects.get(Uuids.fromPath(uuid));
        return ProjectView.of(projects.update(
                current.uuid(),
                form.customer() != null ? form.customerUuid() : current.customerUuid(),
                form.name() != null ? form.name() : current.name(),
                form.description() != null ? form.description() : current.description()));
    }

    @DeleteMapping("{uuid}/")
    @Operation(summary = "Delete a project")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String uuid) {
        projects.delete(Uuids.fromPath(uuid));
    }

    /** {@code customer} may be a hyperlink or a UUID. */
    record ProjectForm(String name, String description, String customer) {

        UUID customerUuid() {
            return customer == null ? null : Uuids.fromReference("customer", customer);
        }
    }

    record ProjectView(
            String url,
            String uuid,
            String name,
            String description,
            String customer,
            String customerUuid,
            String customerName,
            Instant created,
            Instant modified) {

        static ProjectView of(Project project) {
            return new ProjectView(
                    ApiUrls.of("projects", project.uuid()),
                    Uuids.hex(project.uuid()),
                    project.name(),
                    project.description(),
                    ApiUrls.of("customers", project.customerUuid()),
                    Uuids.hex(project.customerUuid()),
                    project.customerName(),
                    project.created(),
                    project.modified());
        }
    }
}
