package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arrowsync.billing.MappingBillingSummaries;
import org.arrowsync.billing.VendorNames;
import org.arrowsync.ledger.CustomerService;
import org.arrowsync.ledger.Offering;
import org.arrowsync.ledger.OfferingService;
import org.arrowsync.ledger.OfferingService.OfferingFilter;
import org.arrowsync.mappings.CustomerDiscovery;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.mappings.CustomerMappingService.MappingDraft;
import org.arrowsync.mappings.CustomerMappingService.MappingFilter;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.settings.VendorOfferingMappingService;
import org.arrowsync.settings.VendorOfferingMappingService.VendorDraft;
import org.arrowsync.settings.VendorOfferingMappingService.VendorFilter;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Htmx;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.RejectedAsDetail;
import org.arrowsync.shared.Texts;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who is billed for what: customer mappings (discovered from Arrow with suggestions, accepted, edited, deactivated,
 * each with its billing summary) and vendor-offering mappings. A mapped customer's licenses are {@link LicensePages}.
 */
@Controller
class MappingPages {

    static final int PAGE_SIZE = 25;
    static final PageRequest ALL = new PageRequest(1, PageRequest.MAX_SIZE);

    private final CustomerMappingService mappings;
    private final CustomerDiscovery discovery;
    private final MappingBillingSummaries summaries;
    private final VendorOfferingMappingService vendors;
    private final SettingsService settings;
    private final CustomerService customers;
    private final OfferingService offerings;
    private final VendorNames vendorNames;
    private final OperatorCustomerField customerField;

    MappingPages(
            CustomerMappingService mappings,
            CustomerDiscovery discovery,
            MappingBillingSummaries summaries,
            VendorOfferingMappingService vendors,
            SettingsService settings,
            CustomerService customers,
            OfferingService offerings,
            VendorNames vendorNames,
            OperatorCustomerField customerField) {
        this.mappings = mappings;
        this.discovery = discovery;
        this.summaries = summaries;
        this.vendors = vendors;
        this.settings = settings;
        this.customers = customers;
        this.offerings = offerings;
        this.vendorNames = vendorNames;
        this.customerField = customerField;
    }

    @GetMapping("/mappings")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String active,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        String name = q == null || q.isBlank() ? null : q.strip();
        Boolean activeOnly = Filters.bool("active", active);
        model.addAttribute(
                "mappings",
                mappings.list(
                        new MappingFilter(null, null, name, null, activeOnly),
                        new PageRequest(Math.max(1, page), PAGE_SIZE)));
        model.addAttribute("q", name);
        model.addAttribute("active", active);
        model.addAttribute(
                "query",
                ListAddress.of("/mappings")
                        .with("q", name)
                        .with("active", activeOnly == null ? null : active)
                        .forPager());
        vendorModel(model);
        return "console/mappings";
    }

    /** Arrow customers of the active settings not mapped yet, each with the operator customer suggested for it. */
    @GetMapping("/mappings/discover")
    String discover(Model model) {
        try {
            model.addAttribute("available", discovery.available());
        } catch (RejectedAsDetail e) {
            model.addAttribute("failure", e.getMessage());
        }
        return "console/discover";
    }

    /**
     * Maps one Arrow customer, the row its button names ({@code only}) among those of the discovery form, which comes
     * whole without JavaScript (a lone row needs no name); htmx gets the row back, marked as mapped, or as typed with
     * the refusal under its field.
     */
    @PostMapping("/mappings/accept")
    String accept(
            @RequestParam(name = "settings_uuid") String settingsUuid,
            @RequestParam(required = false) String only,
            @RequestParam(required = false) String suggested,
            @RequestParam(required = false) String confidence,
            HttpServletRequest form,
            Model model,
            RedirectAttributes redirect) {
        List<String> references = ConsoleForms.values(form, "arrow_reference");
        int row = only == null ? (references.size() == 1 ? 0 : -1) : references.indexOf(only);
        if (row < 0) {
            throw InvalidInput.of("only", "Name one Arrow customer of the list to map.");
        }
        String reference = references.get(row);
        String companyName = valueAt(ConsoleForms.values(form, "arrow_company_name"), row);
        OperatorCustomerField.Choice customer =
                customerField.choose(valueAt(ConsoleForms.values(form, "waldur_customer"), row));
        model.addAttribute("reference", reference);
        model.addAttribute("companyName", companyName);
        boolean htmx = Htmx.sent(form);
        try {
            CustomerMapping created = mappings.accept(new MappingDraft(
                    Filters.uuid("settings_uuid", settingsUuid),
                    reference,
                    companyName,
                    customer.orRefuse("waldur_customer"),
                    true));
            model.addAttribute("created", created);
            if (!htmx) {
                redirect.addFlashAttribute(
                        "flash", Texts.sentence("Mapped " + companyName + " to " + created.customerName()));
                return "redirect:/mappings/discover";
            }
            return "console/discover-parts :: accepted";
        } catch (InvalidInput e) {
            if (!htmx) {
                redirect.addFlashAttribute("flash", "Not mapped: " + messages(e));
                return "redirect:/mappings/discover";
            }
            model.addAttribute("errors", e.errors());
            model.addAttribute("suggested", suggested);
            model.addAttribute("confidence", ConsoleFormat.fraction(confidence));
            model.addAttribute("customer", customer.shown());
            return "console/discover-parts :: refused";
        }
    }

    private static String valueAt(List<String> values, int index) {
        return index < values.size() ? values.get(index) : null;
    }

    /** Maps every Arrow customer of the form that has an operator customer chosen. */
    @PostMapping("/mappings/accept-all")
    String acceptAll(
            @RequestParam(name = "settings_uuid") String settingsUuid,
            HttpServletRequest form,
            RedirectAttributes redirect) {
        UUID settingsId = Filters.uuid("settings_uuid", settingsUuid);
        List<String> references = ConsoleForms.values(form, "arrow_reference");
        List<String> names = ConsoleForms.values(form, "arrow_company_name");
        List<String> chosen = ConsoleForms.values(form, "waldur_customer");
        int created = 0;
        List<String> refused = new ArrayList<>();
        // a name typed on many rows is looked up once
        Map<String, OperatorCustomerField.Choice> choices = new HashMap<>();
        for (int i = 0; i < references.size(); i++) {
            String customer = i < chosen.size() ? chosen.get(i) : null;
            if (customer == null || customer.isBlank()) {
                continue;
            }
            String name = i < names.size() ? names.get(i) : "";
            try {
                mappings.accept(new MappingDraft(
                        settingsId,
                        references.get(i),
                        name,
                        choices.computeIfAbsent(customer, customerField::choose).orRefuse("waldur_customer"),
                        true));
                created++;
            } catch (InvalidInput e) {
                refused.add(name + ": " + messages(e));
            }
        }
        redirect.addFlashAttribute(
                "flash",
                created == 0 && refused.isEmpty()
                        ? "No Arrow customer of the list had an operator customer chosen: nothing was mapped."
                        : ConsoleFormat.count(created, "customer mapping", "customer mappings") + " created"
                                + (refused.isEmpty() ? "." : "; refused: " + String.join("; ", refused)));
        return "redirect:/mappings";
    }

    /**
     * The address an accept sent without JavaScript leaves in the address bar, opened again: discovery, where the
     * accept was, rather than a mapping named "accept" (D310).
     */
    @GetMapping({"/mappings/accept", "/mappings/accept-all"})
    String acceptOpened() {
        return "redirect:/mappings/discover";
    }

    @GetMapping("/mappings/{uuid}")
    String mapping(@PathVariable String uuid, Model model) {
        CustomerMapping mapping = mappings.get(Filters.uuid("uuid", uuid));
        mappingModel(model, mapping);
        model.addAttribute("form", MappingDraft.of(mapping));
        model.addAttribute("customerShown", customerField.shown(mapping.customerUuid()));
        return "console/mapping";
    }

    @PostMapping("/mappings/{uuid}")
    String update(
            @PathVariable String uuid,
            @RequestParam(name = "arrow_company_name", required = false) String companyName,
            @RequestParam(name = "waldur_customer", required = false) String customer,
            @RequestParam(name = "is_active", required = false) String active,
            Model model,
            RedirectAttributes redirect) {
        CustomerMapping mapping = mappings.get(Filters.uuid("uuid", uuid));
        OperatorCustomerField.Choice chosen = customerField.choose(customer);
        MappingDraft draft = new MappingDraft(
                mapping.settingsUuid(),
                mapping.arrowReference(),
                companyName == null ? "" : companyName,
                chosen.uuid(),
                active != null);
        try {
            // D297: a name that names no one customer is the form's error, its other fields kept as typed
            chosen.orRefuse("waldur_customer");
            mappings.update(mapping.uuid(), draft);
        } catch (InvalidInput e) {
            mappingModel(model, mapping);
            model.addAttribute("form", draft);
            model.addAttribute("customerShown", chosen.typed());
            model.addAttribute("errors", e.errors());
            return "console/mapping";
        }
        redirect.addFlashAttribute("flash", "Mapping saved." + moved(mapping));
        return "redirect:/mappings/" + Uuids.hex(mapping.uuid());
    }

    @AsksFirst(
            value = "Deactivate this mapping? Its new Arrow lines will no longer be billed; lines billed already stay"
                    + " billed.",
            answer = "Deactivate the mapping")
    @PostMapping("/mappings/{uuid}/deactivate")
    String deactivate(@PathVariable String uuid, RedirectAttributes redirect) {
        CustomerMapping mapping = mappings.get(Filters.uuid("uuid", uuid));
        MappingDraft current = MappingDraft.of(mapping);
        mappings.update(
                mapping.uuid(),
                new MappingDraft(
                        current.settingsUuid(),
                        current.arrowReference(),
                        current.arrowCompanyName(),
                        current.customerUuid(),
                        false));
        redirect.addFlashAttribute(
                "flash",
                Texts.sentence(
                        "Mapping deactivated: its Arrow lines are no longer billed to " + mapping.customerName()));
        return "redirect:/mappings/" + Uuids.hex(mapping.uuid());
    }

    @PostMapping("/vendors")
    String createVendor(
            @RequestParam(name = "settings", required = false) String settingsUuid,
            @RequestParam(name = "arrow_vendor_name", required = false) String vendor,
            @RequestParam(name = "offering", required = false) String offering,
            @RequestParam(name = "plan", required = false) String plan,
            Model model,
            RedirectAttributes redirect) {
        VendorDraft draft = vendorDraft(settingsUuid, vendor, offering, plan);
        try {
            vendors.create(draft);
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("vendorForm", draft);
            return list(null, null, 1, model);
        }
        redirect.addFlashAttribute("flash", "Vendor " + draft.vendorName() + " mapped.");
        return "redirect:/mappings#vendors";
    }

    @AsksFirst(value = "Delete this vendor offering mapping?", answer = "Delete the vendor mapping")
    @PostMapping("/vendors/{uuid}/delete")
    String deleteVendor(@PathVariable String uuid, RedirectAttributes redirect) {
        vendors.delete(Filters.uuid("uuid", uuid));
        redirect.addFlashAttribute("flash", "Vendor mapping deleted.");
        return "redirect:/mappings#vendors";
    }

    /** A new, active vendor-offering mapping as its form fields give it (both vendor forms post the same fields). */
    static VendorDraft vendorDraft(String settingsUuid, String vendor, String offering, String plan) {
        return new VendorDraft(
                Filters.uuid("settings", settingsUuid),
                vendor == null ? null : vendor.strip(),
                Filters.uuid("offering", offering),
                Filters.uuid("plan", plan),
                true);
    }

    private void vendorModel(Model model) {
        model.addAttribute("vendorMappings", vendors.list(new VendorFilter(null, null, null, null), ALL));
        List<Settings> all = settings.list(null, null, ALL).items();
        model.addAttribute("allSettings", all);
        // the settings record of each mapping: a wizard saved again leaves the account's earlier mappings listed too
        model.addAttribute(
                "settingsByUuid", all.stream().collect(Collectors.toMap(Settings::uuid, Function.identity())));
        model.addAttribute("vendorChoices", vendorNames.suggestions(null));
        List<Offering> offered =
                offerings.list(new OfferingFilter(null, null), ALL).items();
        model.addAttribute("offerings", offered);
    }

    /**
     * What pointing a mapping at another customer does, when it did (D100): the months it has syncs of stay with the
     * customers they billed, their new lines and corrections included; a month it has no sync of yet bills the new one.
     */
    private String moved(CustomerMapping before) {
        CustomerMapping after = mappings.get(before.uuid());
        if (after.customerId() == before.customerId()) {
            return "";
        }
        int synced = summaries.billingSyncs(after.uuid());
        String now = " A month it has no billing sync of yet bills " + after.customerName();
        if (synced == 0) {
            return now + ".";
        }
        return now + "; its " + ConsoleFormat.count(synced, "billing sync", "billing syncs")
                + " so far stay with the customers they billed, new lines and corrections included (D100).";
    }

    private void mappingModel(Model model, CustomerMapping mapping) {
        model.addAttribute("mapping", mapping);
        model.addAttribute("summary", summaries.summary(mapping.uuid()));
        model.addAttribute("customers", customers.list(null, null, ALL).items());
    }

    private static String messages(InvalidInput e) {
        return e.errors().values().stream()
                .flatMap(List::stream)
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }
}
