package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.billing.VendorNames;
import org.arrowsync.jobs.JobService;
import org.arrowsync.jobs.JobTriggers;
import org.arrowsync.ledger.CustomerService;
import org.arrowsync.ledger.OfferingService;
import org.arrowsync.ledger.OfferingService.OfferingFilter;
import org.arrowsync.mappings.CustomerDiscovery;
import org.arrowsync.mappings.CustomerDiscovery.DiscoverCustomersResponse;
import org.arrowsync.mappings.ExportCompatibility;
import org.arrowsync.mappings.SettingsSetup;
import org.arrowsync.mappings.SettingsSetup.CustomerMappingInput;
import org.arrowsync.mappings.SettingsSetup.SaveSettingsRequest;
import org.arrowsync.settings.Credentials;
import org.arrowsync.settings.Credentials.ArrowCredentialsValidationResponse;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.settings.VendorOfferingMappingService;
import org.arrowsync.settings.VendorOfferingMappingService.VendorDraft;
import org.arrowsync.settings.VendorOfferingMappingService.VendorFilter;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The first connection, step by step: API URL and key, checked with Arrow; Arrow's customers with suggested operator
 * customers, accepted all at once or one by one, saved with the settings in one transaction; vendors mapped to
 * offerings; the first sync. Between the first two steps the typed-in key waits in the server-side session, never in
 * the page.
 */
@Controller
class SetupWizard {

    static final String DRAFT = SetupWizard.class.getName() + ".draft";

    private final Credentials credentials;
    private final CustomerDiscovery discovery;
    private final SettingsSetup setup;
    private final SettingsService settings;
    private final VendorOfferingMappingService vendors;
    private final OfferingService offerings;
    private final CustomerService operatorCustomers;
    private final JobTriggers triggers;
    private final VendorNames vendorNames;
    private final Clock clock;
    private final OperatorCustomerField customerField;

    SetupWizard(
            Credentials credentials,
            CustomerDiscovery discovery,
            SettingsSetup setup,
            SettingsService settings,
            VendorOfferingMappingService vendors,
            OfferingService offerings,
            CustomerService operatorCustomers,
            JobTriggers triggers,
            VendorNames vendorNames,
            Clock clock,
            OperatorCustomerField customerField) {
        this.vendorNames = vendorNames;
        this.credentials = credentials;
        this.discovery = discovery;
        this.setup = setup;
        this.settings = settings;
        this.vendors = vendors;
        this.offerings = offerings;
        this.operatorCustomers = operatorCustomers;
        this.triggers = triggers;
        this.clock = clock;
        this.customerField = customerField;
    }

    @GetMapping("/setup")
    String start(Model model) {
        model.addAttribute("step", 1);
        model.addAttribute("apiUrl", "");
        model.addAttribute("existing", settings.any());
        return "console/setup";
    }

    @PostMapping("/setup/credentials")
    String credentials(
            @RequestParam(name = "api_url", required = false) String apiUrl,
            @RequestParam(name = "api_key", required = false) String apiKey,
            HttpSession session,
            Model model) {
        try {
            ArrowCredentialsValidationResponse validation = credentials.validate(apiUrl, apiKey);
            if (!validation.valid()) {
                throw InvalidInput.of("api_key", validation.error());
            }
            session.setAttribute(
                    DRAFT,
                    new Draft(
                            apiUrl.strip(),
                            apiKey,
                            validation.partnerInfo().companyName(),
                            validation.partnerInfo().reference()));
            return "redirect:/setup/customers";
        } catch (InvalidInput e) {
            model.addAttribute("step", 1);
            model.addAttribute("apiUrl", apiUrl);
            model.addAttribute("existing", settings.any());
            model.addAttribute("errors", e.errors());
            return "console/setup";
        }
    }

    /** Arrow's customers with suggestions, and the export types with what each carries. */
    @GetMapping("/setup/customers")
    String customers(HttpSession session, Model model) {
        Draft draft = (Draft) session.getAttribute(DRAFT);
        if (draft == null) {
            return "redirect:/setup";
        }
        return customersStep(draft, null, model);
    }

    /** The customers step for these credentials, with the export type chosen (none yet: the one to preselect). */
    private String customersStep(Draft draft, String exportType, Model model) {
        model.addAttribute("step", 2);
        model.addAttribute("draft", draft);
        try {
            DiscoverCustomersResponse discovered = discovery.discover(draft.apiUrl(), draft.apiKey());
            model.addAttribute("discovered", discovered);
            model.addAttribute(
                    "exportType",
                    exportType != null
                            ? exportType
                            : ExportCompatibility.preselected(discovered.exportTypes())
                                    .orElse(null));
            // customers these credentials' earlier settings map: carried over, ticked, to the new settings (D123)
            model.addAttribute(
                    "carried", discovery.mappedByTheAccount(draft.apiUrl(), draft.apiKey(), draft.partnerReference()));
        } catch (ArrowException e) {
            model.addAttribute("failure", "Arrow did not list its customers: " + e.getMessage());
        }
        return "console/setup";
    }

    /**
     * Saves the settings with the accepted mappings, in one transaction, and forgets the typed-in key. A ticked row
     * whose operator customer is missing or is not one comes back as typed, the refusal under it, and nothing is saved.
     */
    @PostMapping("/setup/save")
    String save(
            @RequestParam(name = "export_type_reference", required = false) String exportType,
            HttpServletRequest form,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        Draft draft = (Draft) session.getAttribute(DRAFT);
        if (draft == null) {
            return "redirect:/setup";
        }
        List<String> accepted = ConsoleForms.values(form, "accept");
        List<String> references = ConsoleForms.values(form, "arrow_reference");
        List<String> customers = ConsoleForms.values(form, "waldur_customer");
        Map<String, String> typed = new HashMap<>();
        Map<String, String> refused = new HashMap<>();
        List<CustomerMappingInput> mappings = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i);
            OperatorCustomerField.Choice chosen =
                    customerField.choose(i < customers.size() ? customers.get(i).strip() : "");
            String customer = chosen.shown();
            typed.put(reference, customer);
            if (!accepted.contains(reference)) {
                continue;
            }
            if (customer.isEmpty()) {
                // a ticked row without its customer would be left out of the save, unsaid
                refused.put(reference, "Choose the operator customer to map it to, or untick it.");
            } else {
                refusal(chosen).ifPresent(message -> refused.put(reference, message));
                mappings.add(new CustomerMappingInput(reference, customer));
            }
        }
        List<String> problems;
        if (!refused.isEmpty()) {
            problems = List.of("Nothing was saved: correct or untick the customers marked below.");
        } else {
            try {
                SettingsSetup.SaveSettingsResponse saved = setup.save(
                        new SaveSettingsRequest(draft.apiUrl(), draft.apiKey(), exportType, null, false, mappings));
                session.removeAttribute(DRAFT);
                redirect.addFlashAttribute("flash", saved.message() + ".");
                return "redirect:/setup/" + saved.settingsUuid() + "/vendors";
            } catch (InvalidInput e) {
                problems = e.errors().entrySet().stream()
                        .flatMap(field -> field.getValue().stream().map(message -> field.getKey() + ": " + message))
                        .toList();
            }
        }
        model.addAttribute("errors", Map.of("non_field_errors", problems));
        model.addAttribute("refused", refused);
        model.addAttribute("typed", typed);
        model.addAttribute("ticked", accepted == null ? List.of() : accepted);
        return customersStep(draft, exportType, model);
    }

    /**
     * Why a typed operator customer cannot be mapped to, if it cannot: the API's setup skips a customer that does not
     * exist (as Waldur's does), which the wizard's operator would not see.
     */
    private Optional<String> refusal(OperatorCustomerField.Choice customer) {
        if (customer.refusal() != null) {
            return Optional.of(customer.refusal());
        }
        return operatorCustomers.find(customer.uuid()).isPresent()
                ? Optional.empty()
                : Optional.of("No operator customer has this UUID.");
    }

    @GetMapping("/setup/{settingsUuid}/vendors")
    String vendors(@PathVariable String settingsUuid, Model model) {
        vendorModel(settingsUuid, model);
        return "console/setup";
    }

    @PostMapping("/setup/{settingsUuid}/vendors")
    String mapVendor(
            @PathVariable String settingsUuid,
            @RequestParam(name = "arrow_vendor_name", required = false) String vendor,
            @RequestParam(name = "offering", required = false) String offering,
            @RequestParam(name = "plan", required = false) String plan,
            Model model,
            RedirectAttributes redirect) {
        VendorDraft draft = MappingPages.vendorDraft(settingsUuid, vendor, offering, plan);
        try {
            vendors.create(draft);
        } catch (InvalidInput e) {
            vendorModel(settingsUuid, model);
            model.addAttribute("vendorForm", draft);
            model.addAttribute("errors", e.errors());
            return "console/setup";
        }
        redirect.addFlashAttribute("flash", "Vendor " + draft.vendorName() + " mapped.");
        return "redirect:/setup/" + settingsUuid + "/vendors";
    }

    @GetMapping("/setup/{settingsUuid}/sync")
    String firstSync(@PathVariable String settingsUuid, Model model) {
        model.addAttribute("step", 4);
        // settings that do not exist are not found here, not at the step's button
        model.addAttribute(
                "settingsUuid",
                Uuids.hex(settings.get(Filters.uuid("settings", settingsUuid)).uuid()));
        model.addAttribute("lastMonth", YearMonth.now(clock).minusMonths(1));
        return "console/setup";
    }

    /** Queues the first sync; a month refused is said beside its field, as typed (D308). */
    @PostMapping("/setup/{settingsUuid}/sync")
    String triggerFirstSync(
            @PathVariable String settingsUuid,
            @RequestParam(required = false) String month,
            @ModelAttribute("me") Caller me,
            Model model) {
        try {
            YearMonth period = Filters.requiredPeriod("month", month);
            JobService.Submitted job =
                    triggers.billingSync(period.getYear(), period.getMonthValue(), settingsUuid, null, me.username());
            return "redirect:/jobs/" + Uuids.hex(job.uuid());
        } catch (InvalidInput e) {
            firstSync(settingsUuid, model);
            model.addAttribute("lastMonth", month);
            model.addAttribute("errors", e.errors());
            return "console/setup";
        }
    }

    private void vendorModel(String settingsUuid, Model model) {
        var chosen = settings.get(Filters.uuid("settings", settingsUuid));
        model.addAttribute("step", 3);
        model.addAttribute("settingsUuid", Uuids.hex(chosen.uuid()));
        model.addAttribute("vendorChoices", vendorNames.suggestions(chosen));
        model.addAttribute(
                "vendorMappings",
                vendors.list(
                                new VendorFilter(chosen.uuid(), null, null, null),
                                new PageRequest(1, PageRequest.MAX_SIZE))
                        .items());
        model.addAttribute(
                "offerings",
                offerings
                        .list(new OfferingFilter(null, null), new PageRequest(1, PageRequest.MAX_SIZE))
                        .items());
    }

    /** The wizard's first answer, kept in the session: where Arrow is, the key it accepted and whose it is. */
    record Draft(String apiUrl, String apiKey, String partnerName, String partnerReference) implements Serializable {

        @Override
        public String toString() {
            return "Draft[apiUrl=" + apiUrl + "]";
        }
    }
}
