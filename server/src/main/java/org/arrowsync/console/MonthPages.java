package org.arrowsync.console;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.billing.BillingMonths;
import org.arrowsync.billing.BillingReconciliation;
import org.arrowsync.billing.MonthSummary;
import org.arrowsync.consumption.ConsumptionStatistics;
import org.arrowsync.jobs.JobService;
import org.arrowsync.jobs.JobTriggers;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Periods;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The month-end close of one settings record and month: its syncs by customer and their lines down to the invoice
 * items, what the last sync changed, what is left unbilled, a sync, and reconciliation previewed before it is
 * confirmed.
 */
@Controller
class MonthPages {

    static final int MONTHS_LISTED = 12;
    static final int PAGE_SIZE = 50;
    static final int JOBS_SHOWN = 5;

    private final SettingsService settings;
    private final BillingMonths months;
    private final BillingReconciliation reconciliation;
    private final ConsumptionStatistics consumption;
    private final JobTriggers triggers;
    private final JobService jobs;
    private final Clock clock;

    MonthPages(
            SettingsService settings,
            BillingMonths months,
            BillingReconciliation reconciliation,
            ConsumptionStatistics consumption,
            JobTriggers triggers,
            JobService jobs,
            Clock clock) {
        this.settings = settings;
        this.months = months;
        this.reconciliation = reconciliation;
        this.consumption = consumption;
        this.triggers = triggers;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The last twelve months of every settings record, each linking to its month page. */
    @GetMapping("/months")
    String months(Model model) {
        YearMonth current = YearMonth.now(clock);
        List<YearMonth> periods = new ArrayList<>();
        for (int i = 0; i < MONTHS_LISTED; i++) {
            periods.add(current.minusMonths(i));
        }
        List<SettingsMonths> all = settings.list(null, null, new PageRequest(1, PageRequest.MAX_SIZE)).items().stream()
                .map(found -> new SettingsMonths(found, months.summaries(found, periods)))
                .toList();
        model.addAttribute("all", all);
        return "console/months";
    }

    @GetMapping("/months/{settingsUuid}/{period}")
    String month(
            @PathVariable String settingsUuid,
            @PathVariable String period,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "lines", required = false) String linesOf,
            Model model) {
        Settings chosen = settings.get(Filters.uuid("settings", settingsUuid));
        YearMonth month = Filters.requiredPeriod("period", period);
        MonthSummary summary = months.summary(chosen, month);
        ConsumptionStatistics.Billed byConsumption =
                consumption.billed(chosen, List.of(month)).getOrDefault(month, ConsumptionStatistics.Billed.NONE);
        model.addAttribute("settings", chosen);
        model.addAttribute("period", month);
        model.addAttribute("underWay", Periods.underWay(month, clock));
        model.addAttribute("future", month.isAfter(YearMonth.now(clock)));
        model.addAttribute("summary", summary);
        // a sync that failed before it kept anything (a first sync, a template Arrow refuses) shows on its job alone
        model.addAttribute("jobs", jobs.current(chosen.uuid(), month, JOBS_SHOWN));
        model.addAttribute("totals", new MonthTotals(summary, byConsumption));
        model.addAttribute("syncs", months.syncs(chosen, month, new PageRequest(Math.max(1, page), PAGE_SIZE)));
        BillingMonths.RunChanges changes = months.lastChanges(chosen, month).orElse(null);
        model.addAttribute("changes", changes);
        // the lines of one sync of the changes shown in place, as "Show lines" shows them without JavaScript; any other
        // value (a stale link, a sync no longer among the changes) shows none
        Optional<UUID> shown = Uuids.parse(linesOf)
                .filter(sync -> changes != null
                        && changes.syncs().stream()
                                .map(BillingMonths.SyncChange::syncUuid)
                                .anyMatch(sync::equals));
        shown.ifPresent(sync -> {
            model.addAttribute("linesOf", sync);
            model.addAttribute("changedLines", months.changedLines(sync, changes.runId()));
        });
        model.addAttribute("unmatched", months.unmatched(chosen, month));
        model.addAttribute("vendors", months.unmappedVendors(chosen, month));
        model.addAttribute("base", base(chosen, month));
        return "console/month";
    }

    @GetMapping("/months/{settingsUuid}/{period}/syncs/{syncUuid}")
    String sync(
            @PathVariable String settingsUuid,
            @PathVariable String period,
            @PathVariable String syncUuid,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Settings chosen = settings.get(Filters.uuid("settings", settingsUuid));
        YearMonth month = Filters.requiredPeriod("period", period);
        UUID sync = Filters.uuid("sync", syncUuid);
        model.addAttribute("settings", chosen);
        model.addAttribute("period", month);
        model.addAttribute("sync", months.sync(chosen, month, sync));
        model.addAttribute("lines", months.lines(sync, new PageRequest(Math.max(1, page), PAGE_SIZE)));
        model.addAttribute("linesBase", base(chosen, month) + "/syncs/" + Uuids.hex(sync) + "?");
        model.addAttribute("base", base(chosen, month));
        return "console/sync";
    }

    /** The lines of one sync that a run changed (the expandable rows of the month's changes). */
    @GetMapping("/months/{settingsUuid}/{period}/changes/{syncUuid}")
    String changedLines(
            @PathVariable String settingsUuid,
            @PathVariable String period,
            @PathVariable String syncUuid,
            @RequestParam long run,
            Model model) {
        model.addAttribute("changedLines", months.changedLines(Filters.uuid("sync", syncUuid), run));
        return "console/month-parts :: changed-lines";
    }

    @PostMapping("/months/{settingsUuid}/{period}/sync")
    String triggerSync(
            @PathVariable String settingsUuid, @PathVariable String period, @ModelAttribute("me") Caller me) {
        YearMonth month = Filters.requiredPeriod("period", period);
        JobService.Submitted job =
                triggers.billingSync(month.getYear(), month.getMonthValue(), settingsUuid, null, me.username());
        return "redirect:/jobs/" + Uuids.hex(job.uuid());
    }

    /** What reconciling would book, per customer: computed against Arrow now, nothing written. */
    @GetMapping("/months/{settingsUuid}/{period}/reconcile")
    String reconcilePreview(
            @PathVariable String settingsUuid,
            @PathVariable String period,
            @RequestParam(required = false) String force,
            Model model) {
        Settings chosen = settings.get(Filters.uuid("settings", settingsUuid));
        YearMonth month = Filters.requiredPeriod("period", period);
        boolean forced = "true".equals(force);
        BillingReconciliation.Preview preview = reconciliation.preview(
                reconciliation.target(month.getYear(), month.getMonthValue(), chosen.uuid(), forced));
        model.addAttribute("settings", chosen);
        model.addAttribute("period", month);
        model.addAttribute("preview", preview);
        model.addAttribute("force", forced);
        model.addAttribute("base", base(chosen, month));
        return "console/reconcile";
    }

    @PostMapping("/months/{settingsUuid}/{period}/reconcile")
    String reconcile(
            @PathVariable String settingsUuid,
            @PathVariable String period,
            @RequestParam(required = false) String force,
            @ModelAttribute("me") Caller me) {
        YearMonth month = Filters.requiredPeriod("period", period);
        JobService.Submitted job = triggers.reconcile(
                month.getYear(), month.getMonthValue(), settingsUuid, "true".equals(force), me.username());
        return "redirect:/jobs/" + Uuids.hex(job.uuid());
    }

    private static String base(Settings chosen, YearMonth month) {
        return "/months/" + Uuids.hex(chosen.uuid()) + "/" + month;
    }

    record SettingsMonths(Settings settings, List<MonthSummary> months) {}
}
