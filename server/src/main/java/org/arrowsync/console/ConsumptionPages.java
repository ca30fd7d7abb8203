package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arrowsync.consumption.ConsumptionCleanup;
import org.arrowsync.consumption.ConsumptionCleanup.CleanupConsumptionRequest;
import org.arrowsync.consumption.ConsumptionStatistics;
import org.arrowsync.consumption.ConsumptionStatistics.PendingFilter;
import org.arrowsync.consumption.ConsumptionStatistics.ProvisionalVersusFinal;
import org.arrowsync.consumption.HistoricalConsumption;
import org.arrowsync.consumption.HistoricalConsumption.HistoricalConsumptionRequest;
import org.arrowsync.consumption.HistoricalConsumption.HistoricalConsumptionResponse;
import org.arrowsync.consumption.SyncPause;
import org.arrowsync.jobs.JobService;
import org.arrowsync.jobs.JobTriggers;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Htmx;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Periods;
import org.arrowsync.shared.Texts;
import org.arrowsync.shared.UnknownReference;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumption billing: the pause switches (global and per settings), provisional against final per month, the records
 * not yet finalised, a run or finalisation of a month, and historical sync and cleanup, each previewed before it
 * writes.
 */
@Controller
class ConsumptionPages {

    static final int CHART_MONTHS = 12;
    static final int PAGE_SIZE = 25;

    private final SettingsService settings;
    private final SyncPause pause;
    private final ConsumptionStatistics statistics;
    private final HistoricalConsumption historical;
    private final ConsumptionCleanup cleanup;
    private final JobTriggers triggers;
    private final JsonMapper json;
    private final Clock clock;

    ConsumptionPages(
            SettingsService settings,
            SyncPause pause,
            ConsumptionStatistics statistics,
            HistoricalConsumption historical,
            ConsumptionCleanup cleanup,
            JobTriggers triggers,
            JsonMapper json,
            Clock clock) {
        this.json = json;
        this.settings = settings;
        this.pause = pause;
        this.statistics = statistics;
        this.historical = historical;
        this.cleanup = cleanup;
        this.triggers = triggers;
        this.clock = clock;
    }

    @GetMapping("/consumption")
    String page(
            @RequestParam(name = "settings", required = false) String settingsUuid,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        List<Settings> all = settings.list(null, null, new PageRequest(1, PageRequest.MAX_SIZE))
                .items();
        Settings chosen = settingsUuid == null || settingsUuid.isBlank()
                ? settings.active().orElse(all.isEmpty() ? null : all.get(0))
                : settings.get(Filters.uuid("settings", settingsUuid));
        model.addAttribute("allSettings", all);
        model.addAttribute("chosen", chosen);
        model.addAttribute("status", pause.status());
        model.addAttribute("globalEnabled", pause.globalEnabled());
        model.addAttribute("lastMonth", YearMonth.now(clock).minusMonths(1));
        if (chosen != null) {
            List<ProvisionalVersusFinal> chart =
                    new ArrayList<>(statistics.provisionalVersusFinal(chosen, CHART_MONTHS));
            Collections.reverse(chart);
            model.addAttribute("chart", chart);
            model.addAttribute(
                    "chartJson",
                    json.writeValueAsString(chart.stream()
                                    .map(month -> new ChartMonth(
                                            month.period().toString(), month.provisional(), month.finalAmount()))
                                    .toList())
                            .replace("</", "<\\/"));
            model.addAttribute(
                    "pendingBase",
                    ListAddress.of("/consumption")
                            .with("settings", Uuids.hex(chosen.uuid()))
                            .forPager());
            model.addAttribute(
                    "pending",
                    statistics.pending(
                            new PendingFilter(chosen.uuid(), null, null, null, null),
                            new PageRequest(Math.max(1, page), PAGE_SIZE)));
        }
        return "console/consumption";
    }

    /** Pauses or resumes: {@code scope} is {@code global} or {@code settings}; htmx gets the switch back. */
    @PostMapping({"/consumption/pause", "/consumption/resume"})
    String toggle(
            @RequestParam String scope,
            @RequestParam(name = "settings_uuid") String settingsUuid,
            @RequestParam(name = "with_global", required = false) String withGlobal,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        boolean resume = request.getRequestURI().endsWith("/resume");
        if (!List.of("global", "settings").contains(scope)) {
            throw Filters.notAChoice("scope", scope);
        }
        boolean global = "global".equals(scope);
        // the page's settings, found before anything is written: a blank, malformed or unknown one changes nothing
        Settings chosen = settings.get(Uuids.fromField("settings_uuid", settingsUuid));
        pause.set(global ? null : chosen.uuid(), global, resume);
        String what = global
                ? "Consumption billing of all settings"
                : "Periodic syncs of these settings (billing and consumption)";
        String message = what + (resume ? " resumed." : " paused.");
        if (Htmx.sent(request)) {
            // read again: the switch shows the settings as the change left them
            model.addAttribute("switchSettings", settings.get(chosen.uuid()));
            // the switches as the page showed them: the global one only where it was
            model.addAttribute("switchGlobal", "false".equals(withGlobal) ? null : pause.globalEnabled());
            model.addAttribute("switchMessage", message);
            return "console/consumption-parts :: switch-fragment";
        }
        redirect.addFlashAttribute("flash", message);
        return "redirect:/consumption?settings=" + Uuids.hex(chosen.uuid());
    }

    /**
     * Queues a consumption run ({@code action=sync}) or a finalisation ({@code action=finalise}) of a month; a month
     * refused is said beside its field, as typed (D308).
     */
    @PostMapping("/consumption/run")
    String run(
            @RequestParam(name = "settings_uuid") String settingsUuid,
            @RequestParam(required = false) String month,
            @RequestParam String action,
            @ModelAttribute("me") Caller me,
            Model model) {
        try {
            YearMonth period = Filters.requiredPeriod("month", month);
            JobService.Submitted submitted = "finalise".equals(action)
                    ? triggers.finalisation(
                            period.getYear(), period.getMonthValue(), settingsUuid, false, me.username())
                    : triggers.consumptionSync(
                            period.getYear(), period.getMonthValue(), settingsUuid, null, me.username());
            return "redirect:/jobs/" + Uuids.hex(submitted.uuid());
        } catch (InvalidInput e) {
            page(settingsUuid, 1, model);
            model.addAttribute("lastMonth", month);
            model.addAttribute("errors", e.errors());
            return "console/consumption";
        }
    }

    /**
     * Historical sync of one resource: the Sync button ({@code record}) records, anything else shows what each month
     * would record, as the API's {@code dry_run} defaults to a preview. A sync that recorded months loads the page
     * again with its result, whose tables did not list them; so does a form posted without JavaScript, which gets the
     * whole page.
     */
    @AsksFirst(value = "Record these months now?", answer = "Record the months", when = "record")
    @PostMapping("/consumption/historical")
    String historical(
            @RequestParam(name = "resource_uuid", required = false) String resourceUuid,
            @RequestParam(name = "period_from", required = false) String from,
            @RequestParam(name = "period_to", required = false) String to,
            @RequestParam(required = false) String force,
            @RequestParam(name = "record", required = false) String record,
            @RequestParam(name = "settings", required = false) String shownSettings,
            HttpServletRequest http,
            HttpServletResponse response,
            Model model) {
        HistoricalConsumptionRequest request = new HistoricalConsumptionRequest(
                resourceUuid,
                Texts.strippedOrNull(from),
                Texts.strippedOrNull(to),
                "true".equals(force),
                !"true".equals(record));
        Map<String, Object> shown = new HashMap<>();
        shown.put("historicalForm", request);
        if (resourceUuid != null) {
            shown.put("historicalResource", resourceUuid);
        }
        boolean recorded = false;
        try {
            HistoricalConsumptionResponse result = historical.sync(request);
            shown.put("historical", result);
            recorded = !result.dryRun() && result.periodsSynced() > 0;
        } catch (InvalidInput e) {
            shown.put("historicalErrors", e.errors());
        } catch (UnknownReference e) {
            // beside the field, in place of the preview of the resource asked before
            shown.put("historicalErrors", Map.of("resource_uuid", List.of(e.getMessage())));
        }
        if (recorded || !Htmx.sent(http)) {
            return ConsoleForms.reloadWith(http, response, page(shownSettings), shown);
        }
        model.addAllAttributes(shown);
        model.addAttribute("errors", shown.get("historicalErrors"));
        return "console/consumption-parts :: historical-result";
    }

    /**
     * Cleanup of consumption records: the Delete button ({@code delete}) deletes, anything else counts what would go,
     * as the API's {@code dry_run} defaults to a count.
     */
    @AsksFirst(
            value = "Delete these consumption records now? Their provisional items leave their open invoices.",
            answer = "Delete the records",
            when = "delete")
    @PostMapping("/consumption/cleanup")
    String cleanup(
            @RequestParam(name = "period_from", required = false) String from,
            @RequestParam(name = "period_to", required = false) String to,
            @RequestParam(name = "resource_uuid", required = false) String resourceUuid,
            @RequestParam(name = "only", required = false) String only,
            @RequestParam(name = "delete", required = false) String delete,
            @RequestParam(name = "settings", required = false) String shownSettings,
            HttpServletRequest http,
            HttpServletResponse response,
            Model model) {
        CleanupConsumptionRequest request = new CleanupConsumptionRequest(
                Texts.strippedOrNull(from),
                Texts.strippedOrNull(to),
                Texts.strippedOrNull(resourceUuid),
                "finalized".equals(only),
                "unfinalized".equals(only),
                !"true".equals(delete));
        model.addAttribute("cleanupForm", request);
        try {
            // the API answers a backward range as Waldur does (nothing to delete); the form says it runs backwards
            FieldErrors months = new FieldErrors();
            Periods.requireOrder(
                    months,
                    Periods.parse(months, "period_from", request.periodFrom()),
                    Periods.parse(months, "period_to", request.periodTo()));
            months.throwIfAny();
            var result = cleanup.cleanup(request);
            if ((!result.dryRun() && result.recordsDeleted() > 0) || !Htmx.sent(http)) {
                // the page's tables still list the records deleted: it is loaded again, the result on it
                return ConsoleForms.reloadWith(
                        http, response, page(shownSettings), Map.of("cleanup", result, "cleanupForm", request));
            }
            model.addAttribute("cleanup", result);
        } catch (InvalidInput e) {
            if (!Htmx.sent(http)) {
                return ConsoleForms.reloadWith(
                        http, response, "/consumption", Map.of("cleanupErrors", e.errors(), "cleanupForm", request));
            }
            model.addAttribute("errors", e.errors());
        }
        return "console/consumption-parts :: cleanup-result";
    }

    /** A month of the chart as the page's script reads it (amounts as decimal strings). */
    record ChartMonth(String period, BigDecimal provisional, BigDecimal finalAmount) {}

    /**
     * The consumption page of the settings record it showed ({@code settings}, kept as sent: an unknown one shows the
     * active record's).
     */
    private static String page(String shownSettings) {
        return ListAddress.of("/consumption")
                .with("settings", Texts.strippedOrNull(shownSettings))
                .address();
    }
}
