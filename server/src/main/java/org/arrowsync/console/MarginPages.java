package org.arrowsync.console;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrowsync.jobs.JobService;
import org.arrowsync.jobs.JobTriggers;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.margins.MarginReports;
import org.arrowsync.margins.RepriceOutcome;
import org.arrowsync.margins.Repricing;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.pricing.PriceRuleService;
import org.arrowsync.pricing.PriceRuleService.RuleFilter;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.CsvBody;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Texts;
import org.arrowsync.shared.Uuids;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A month's margins per customer under one settings record, its lines as CSV, the price rules that priced them, and
 * re-pricing the month under the rules: previewed, then confirmed as a job.
 */
@Controller
class MarginPages {

    private final SettingsService settings;
    private final MarginReports reports;
    private final Repricing repricing;
    private final PriceRuleService rules;
    private final CustomerMappingService mappings;
    private final JobTriggers triggers;
    private final Clock clock;

    MarginPages(
            SettingsService settings,
            MarginReports reports,
            Repricing repricing,
            PriceRuleService rules,
            CustomerMappingService mappings,
            JobTriggers triggers,
            Clock clock) {
        this.settings = settings;
        this.reports = reports;
        this.repricing = repricing;
        this.rules = rules;
        this.mappings = mappings;
        this.triggers = triggers;
        this.clock = clock;
    }

    /** The month's margins (last month unless another is asked for) and the rules of the settings. */
    @GetMapping("/margins")
    String margins(
            @RequestParam(name = "settings", required = false) String settingsUuid,
            @RequestParam(required = false) String month,
            Model model) {
        List<Settings> all = settings.list(null, null, new PageRequest(1, PageRequest.MAX_SIZE))
                .items();
        model.addAttribute("all", all);
        if (all.isEmpty()) {
            return "console/margins";
        }
        Settings chosen = chosen(settingsUuid, all);
        YearMonth period =
                month == null || month.isBlank() ? YearMonth.now(clock).minusMonths(1) : Filters.period("month", month);
        model.addAttribute("settings", chosen);
        model.addAttribute("period", period);
        model.addAttribute("margins", reports.margins(reports.scope(period, chosen.uuid(), null)));
        model.addAttribute(
                "rules",
                rules.list(
                                new RuleFilter(chosen.uuid(), null, null, null, null),
                                new PageRequest(1, PageRequest.MAX_SIZE))
                        .items());
        model.addAttribute("customers", customerNames(chosen));
        model.addAttribute("query", query(chosen, period));
        return "console/margins";
    }

    /** The month's lines as a CSV download, as the API's lines report gives them. */
    @GetMapping("/margins/lines.csv")
    ResponseEntity<CsvBody> lines(@RequestParam(name = "settings") String settingsUuid, @RequestParam String month) {
        LineScope scope = reports.scope(Filters.period("month", month), Filters.uuid("settings", settingsUuid), null);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("arrow-lines-" + scope.period() + ".csv")
                                .build()
                                .toString())
                .body(csv -> reports.writeLines(scope, csv));
    }

    /** What re-pricing the month would book, per customer: nothing is written. */
    @GetMapping("/margins/reprice")
    String preview(@RequestParam(name = "settings") String settingsUuid, @RequestParam String month, Model model) {
        LineScope scope = scope(settingsUuid, month);
        model.addAttribute("settings", scope.settings());
        model.addAttribute("period", scope.period());
        model.addAttribute("preview", repricing.preview(scope));
        model.addAttribute("query", query(scope.settings(), scope.period()));
        return "console/reprice";
    }

    /** Confirms the preview: the run books the plan the preview showed ({@code plan}), or nothing (D203). */
    @PostMapping("/margins/reprice")
    String reprice(
            @RequestParam(name = "settings") String settingsUuid,
            @RequestParam String month,
            @RequestParam(required = false) String plan,
            @ModelAttribute("me") Caller me) {
        String previewed = Texts.strippedOrNull(plan);
        if (!RepriceOutcome.isPlan(previewed)) {
            // a confirmation books only the plan its preview showed (D203): without one there is nothing to confirm
            throw InvalidInput.of("plan", "Not a re-pricing preview's plan: preview the month again and confirm it.");
        }
        JobService.Submitted job = triggers.reprice(scope(settingsUuid, month), previewed, me.username());
        return "redirect:/jobs/" + Uuids.hex(job.uuid());
    }

    private LineScope scope(String settingsUuid, String month) {
        return repricing.scope(Filters.period("month", month), Filters.uuid("settings", settingsUuid), null);
    }

    /** The settings asked for, else the active ones, else the first. */
    private Settings chosen(String settingsUuid, List<Settings> all) {
        UUID asked = Filters.uuid("settings", settingsUuid);
        if (asked != null) {
            return settings.get(asked);
        }
        return all.stream().filter(Settings::active).findFirst().orElse(all.get(0));
    }

    /** The customer each of the settings' mappings bills, for the rules' customer column. */
    private Map<UUID, String> customerNames(Settings chosen) {
        return mappings.active(chosen).stream()
                .collect(Collectors.toMap(CustomerMapping::uuid, CustomerMapping::customerName, (a, b) -> a));
    }

    static String query(Settings chosen, YearMonth period) {
        return "settings=" + Uuids.hex(chosen.uuid()) + "&month=" + period;
    }
}
