package org.arrowsync.console;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.arrowsync.ledger.OfferingService;
import org.arrowsync.ledger.OfferingService.OfferingFilter;
import org.arrowsync.ledger.ProjectService;
import org.arrowsync.ledger.ProjectService.ProjectFilter;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.mappings.LicenseDiscovery;
import org.arrowsync.mappings.LicenseLinking;
import org.arrowsync.mappings.LicenseLinking.ImportLicense;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Rejected;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A mapped customer's Arrow licenses beside its resources: linking a resource to a license, importing a license. */
@Controller
class LicensePages {

    private final CustomerMappingService mappings;
    private final LicenseDiscovery licenses;
    private final LicenseLinking linking;
    private final OfferingService offerings;
    private final ProjectService projects;

    LicensePages(
            CustomerMappingService mappings,
            LicenseDiscovery licenses,
            LicenseLinking linking,
            OfferingService offerings,
            ProjectService projects) {
        this.mappings = mappings;
        this.licenses = licenses;
        this.linking = linking;
        this.offerings = offerings;
        this.projects = projects;
    }

    /** The mapped customer's Arrow licenses beside its resources, to link or import. */
    @GetMapping("/mappings/{uuid}/licenses")
    String licenses(@PathVariable String uuid, Model model) {
        CustomerMapping mapping = mappings.get(Filters.uuid("uuid", uuid));
        licensesModel(model, mapping);
        return "console/licenses";
    }

    @PostMapping("/mappings/{uuid}/link")
    String link(
            @PathVariable String uuid,
            @RequestParam(name = "resource_uuid", required = false) String resource,
            @RequestParam(name = "license_reference", required = false) String license,
            Model model,
            RedirectAttributes redirect) {
        CustomerMapping mapping = mappings.get(Filters.uuid("uuid", uuid));
        FieldErrors errors = new FieldErrors();
        errors.required("resource_uuid", resource);
        errors.required("license_reference", license);
        try {
            errors.throwIfAny();
            LicenseLinking.LinkResourceResponse linked =
                    linking.link(mapping.uuid(), Uuids.fromReference("resource_uuid", resource), license.strip());
            redirect.addFlashAttribute(
                    "flash",
                    "Linked " + linked.resourceName() + " to license " + linked.licenseReference() + "."
                            + linking.concerns(mapping.uuid(), linked).stream()
                                    .map(concern -> " Check: " + concern)
                                    .collect(Collectors.joining()));
        } catch (InvalidInput e) {
            licensesModel(model, mapping);
            model.addAttribute("errors", e.errors());
            model.addAttribute("linkForm", new LinkForm(resource, license));
            return "console/licenses";
        }
        return "redirect:/mappings/" + Uuids.hex(mapping.uuid()) + "/licenses";
    }

    /** A refused link form as it was filled in, shown again with its errors. */
    record LinkForm(String resourceUuid, String licenseReference) {}

    /** A refused import form as it was filled in, shown again with its errors. */
    record ImportForm(String licenseReference, String licenseName, String offeringUuid, String projectUuid) {}

    @PostMapping("/mappings/{uuid}/import")
    String importLicense(
            @PathVariable String uuid,
            @RequestParam(name = "license_reference", required = false) String license,
            @RequestParam(name = "license_name", required = false) String name,
            @RequestParam(name = "offering_uuid", required = false) String offering,
            @RequestParam(name = "project_uuid", required = false) String project,
            Model model,
            RedirectAttributes redirect) {
        CustomerMapping mapping = mappings.get(Filters.uuid("uuid", uuid));
        try {
            LicenseLinking.ImportLicenseResponse imported = linking.importLicense(
                    mapping.uuid(),
                    ImportLicense.of(license, name == null || name.isBlank() ? null : name, offering, project));
            redirect.addFlashAttribute(
                    "flash",
                    "Imported license " + imported.licenseReference() + " as " + imported.resourceName() + ".");
        } catch (InvalidInput e) {
            return refusedImport(model, mapping, e.errors(), new ImportForm(license, name, offering, project));
        } catch (Rejected e) {
            return refusedImport(
                    model,
                    mapping,
                    Map.of("license_reference", List.of(e.getMessage() + ".")),
                    new ImportForm(license, name, offering, project));
        }
        return "redirect:/mappings/" + Uuids.hex(mapping.uuid()) + "/licenses";
    }

    private String refusedImport(
            Model model, CustomerMapping mapping, Map<String, List<String>> errors, ImportForm form) {
        licensesModel(model, mapping);
        model.addAttribute("errors", errors);
        model.addAttribute("importForm", form);
        return "console/licenses";
    }

    private void licensesModel(Model model, CustomerMapping mapping) {
        model.addAttribute("mapping", mapping);
        model.addAttribute("discovered", licenses.discover(mapping.uuid()));
        model.addAttribute(
                "offerings",
                offerings.list(new OfferingFilter(null, null), MappingPages.ALL).items());
        model.addAttribute(
                "projects",
                projects.list(new ProjectFilter(mapping.customerUuid(), null), MappingPages.ALL)
                        .items());
    }
}
