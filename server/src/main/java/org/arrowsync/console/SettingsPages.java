package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.mappings.CustomerDiscovery;
import org.arrowsync.settings.Credentials;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsDraft;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Htmx;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Arrow settings: create, edit (the API key is write-only: left empty it stays as it is), check the stored credentials
 * and which export types carry what a sync needs, delete.
 */
@Controller
class SettingsPages {

    private final SettingsService settings;
    private final Credentials credentials;
    private final CustomerDiscovery discovery;

    SettingsPages(SettingsService settings, Credentials credentials, CustomerDiscovery discovery) {
        this.settings = settings;
        this.credentials = credentials;
        this.discovery = discovery;
    }

    @GetMapping("/settings")
    String list(Model model) {
        model.addAttribute("all", settings.list(null, null, new PageRequest(1, PageRequest.MAX_SIZE)));
        return "console/settings";
    }

    @GetMapping("/settings/new")
    String create(Model model) {
        // Active only when no settings are: ticked, saving a second connection would deactivate the working one
        boolean firstActive = settings.active().isEmpty();
        model.addAttribute(
                "form",
                new SettingsForm(
                        "",
                        "",
                        Settings.DEFAULT_CLASSIFICATION,
                        "sell",
                        Settings.DEFAULT_ITEM_PREFIX,
                        "", // blank: the currency of the record these replace, else EUR (D261)
                        firstActive,
                        false));
        return "console/settings-form";
    }

    @PostMapping("/settings/new")
    String create(
            @RequestParam(name = "api_key", required = false) String apiKey,
            HttpServletRequest posted,
            Model model,
            RedirectAttributes redirect) {
        SettingsForm form = SettingsForm.posted(posted);
        try {
            Settings created = settings.create(form.draft(apiKey));
            redirect.addFlashAttribute("flash", "Settings created.");
            return "redirect:/settings/" + Uuids.hex(created.uuid());
        } catch (InvalidInput e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", e.errors());
            return "console/settings-form";
        }
    }

    @GetMapping("/settings/{uuid}")
    String edit(@PathVariable String uuid, Model model) {
        Settings found = settings.get(Filters.uuid("uuid", uuid));
        model.addAttribute("settings", found);
        model.addAttribute("form", SettingsForm.of(found));
        return "console/settings-form";
    }

    @PostMapping("/settings/{uuid}")
    String update(
            @PathVariable String uuid,
            @RequestParam(name = "api_key", required = false) String apiKey,
            HttpServletRequest posted,
            Model model,
            RedirectAttributes redirect) {
        Settings found = settings.get(Filters.uuid("uuid", uuid));
        SettingsForm form = SettingsForm.posted(posted);
        try {
            settings.update(found.uuid(), form.draft(apiKey), false);
        } catch (InvalidInput e) {
            model.addAttribute("settings", found);
            model.addAttribute("form", form);
            model.addAttribute("errors", e.errors());
            return "console/settings-form";
        }
        redirect.addFlashAttribute("flash", saved(settings.get(found.uuid()), found));
        return "redirect:/settings/" + Uuids.hex(found.uuid());
    }

    /**
     * Asks Arrow who the partner is and which export types carry what a sync needs, with the URL and key typed into the
     * form when given (a key is write-only: left blank, the stored one), so that a key is checked before it is saved.
     * Without JavaScript the settings page comes back with what was typed in its fields (but the key) and the answer.
     */
    @PostMapping("/settings/{uuid}/check")
    String check(
            @PathVariable String uuid,
            @RequestParam(name = "api_url", required = false) String apiUrl,
            @RequestParam(name = "api_key", required = false) String apiKey,
            HttpServletRequest http,
            HttpServletResponse response,
            Model model) {
        Settings found = settings.get(Filters.uuid("uuid", uuid));
        String url = apiUrl == null || apiUrl.isBlank() ? found.apiUrl() : apiUrl.strip();
        boolean keyTyped = apiKey != null && !apiKey.isBlank();
        Map<String, Object> shown = new HashMap<>();
        try {
            if (!keyTyped && !url.equals(found.apiUrl())) {
                // a mistyped address is said as such; the stored key goes to no other address, not even to check it
                // (D52)
                credentials.requireCallableUrl(url);
                throw InvalidInput.of("api_key", SettingsService.KEY_FOR_ANOTHER_URL);
            }
            String key = keyTyped ? apiKey.strip() : found.apiKey(); // as the API trims it (D271)
            Credentials.ArrowCredentialsValidationResponse validation = credentials.validate(url, key);
            shown.put("validation", validation);
            if (validation.valid()) {
                shown.put(
                        "exportTypes",
                        url.equals(found.apiUrl()) && key.equals(found.apiKey())
                                ? discovery.exportTypes(found)
                                : discovery.exportTypes(ArrowConnection.of(url, key)));
            }
        } catch (InvalidInput refused) {
            // said where the check's answer goes, with or without JavaScript
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            shown.put(
                    "validation",
                    new Credentials.ArrowCredentialsValidationResponse(false, null, inWords(refused), null, null));
        }
        model.addAttribute("settings", found);
        model.addAllAttributes(shown);
        if (!Htmx.sent(http)) {
            // posted without JavaScript: the settings page as it was typed in, with the answer where htmx puts it
            model.addAttribute("form", SettingsForm.posted(http));
            if (keyTyped) {
                model.addAttribute("keyNotKept", true);
            }
            return "console/settings-form";
        }
        return "console/settings-parts :: check";
    }

    /** A refusal of the typed URL or key, each field by the label the form gives it. */
    private static String inWords(InvalidInput refused) {
        Map<String, String> labels = Map.of("api_url", "API URL", "api_key", "API key");
        return refused.errors().entrySet().stream()
                .map(field ->
                        labels.getOrDefault(field.getKey(), field.getKey()) + ": " + String.join(" ", field.getValue()))
                .collect(Collectors.joining("; "));
    }

    /** The flash of a save: a changed URL or key is asked of Arrow at once, so a wrong one is said now, not later. */
    private String saved(Settings now, Settings before) {
        if (now.apiUrl().equals(before.apiUrl()) && now.apiKey().equals(before.apiKey())) {
            return "Settings saved.";
        }
        Credentials.ArrowCredentialsValidationResponse validation = credentials.validate(now.apiUrl(), now.apiKey());
        return validation.valid()
                ? "Settings saved. Arrow knows the new credentials"
                        + Optional.ofNullable(validation.partnerInfo().companyName())
                                .map(name -> ": " + name)
                                .orElse("")
                        + "."
                : "Settings saved, but " + validation.error();
    }

    @AsksFirst(
            value = "Delete these settings? Settings with billing syncs cannot be deleted; deactivate them instead.",
            answer = "Delete the settings")
    @PostMapping("/settings/{uuid}/delete")
    String delete(@PathVariable String uuid, RedirectAttributes redirect) {
        UUID id = Filters.uuid("uuid", uuid);
        settings.delete(id);
        redirect.addFlashAttribute("flash", "Settings deleted.");
        return "redirect:/settings";
    }

    /** The form's fields; the API key is never among them, so it never travels back to the browser. */
    record SettingsForm(
            String apiUrl,
            String exportTypeReference,
            String classificationFilter,
            String invoicePriceSource,
            String invoiceItemPrefix,
            String currency,
            boolean active,
            boolean syncEnabled) {

        /** The fields as the form posted them; a checkbox left unticked is not posted. */
        static SettingsForm posted(HttpServletRequest request) {
            return new SettingsForm(
                    request.getParameter("api_url"),
                    request.getParameter("export_type_reference"),
                    request.getParameter("classification_filter"),
                    request.getParameter("invoice_price_source"),
                    request.getParameter("invoice_item_prefix"),
                    request.getParameter("currency"),
                    request.getParameter("is_active") != null,
                    request.getParameter("sync_enabled") != null);
        }

        static SettingsForm of(Settings settings) {
            return new SettingsForm(
                    settings.apiUrl(),
                    settings.exportTypeReference(),
                    settings.classificationFilter(),
                    settings.priceSource().value(),
                    settings.itemPrefix(),
                    settings.currency(),
                    settings.active(),
                    settings.syncEnabled());
        }

        /** An empty key field means "keep the stored key". */
        SettingsDraft draft(String apiKey) {
            return new SettingsDraft(
                    apiUrl,
                    apiKey == null || apiKey.isEmpty() ? null : apiKey,
                    exportTypeReference == null ? "" : exportTypeReference.strip(),
                    classificationFilter,
                    active,
                    syncEnabled,
                    invoicePriceSource,
                    invoiceItemPrefix,
                    currency == null || currency.isBlank() ? null : currency);
        }

        @Override
        public String toString() {
            return "SettingsForm[apiUrl=" + apiUrl + "]";
        }
    }
}
