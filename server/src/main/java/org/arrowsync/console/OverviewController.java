package org.arrowsync.console;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arrowsync.billing.BillingMonths;
import org.arrowsync.consumption.ConsumptionStatistics;
import org.arrowsync.consumption.SyncPause;
import org.arrowsync.jobs.JobService;
import org.arrowsync.settings.ArrowHealth;
import org.arrowsync.settings.ArrowHealth.ConnectionHealth;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The month-end question at a glance, per settings record: does Arrow answer, where are the last three months (synced,
 * validated, reconciled), how far is what was billed from Arrow's total, what is left unbilled, which jobs run or
 * failed, and is consumption billing paused.
 */
@Controller
class OverviewController {

    static final int MONTHS = 3;
    static final int SETTINGS_SHOWN = 20;
    static final int JOBS_SHOWN = 5;

    private final SettingsService settings;
    private final ArrowHealth health;
    private final BillingMonths months;
    private final ConsumptionStatistics consumption;
    private final SyncPause pause;
    private final JobService jobs;
    private final Clock clock;

    OverviewController(
            SettingsService settings,
            ArrowHealth health,
            BillingMonths months,
            ConsumptionStatistics consumption,
            SyncPause pause,
            JobService jobs,
            Clock clock) {
        this.settings = settings;
        this.health = health;
        this.months = months;
        this.consumption = consumption;
        this.pause = pause;
        this.jobs = jobs;
        this.clock = clock;
    }

    @GetMapping("/")
    String overview(Model model) {
        if (!settings.any()) {
            return "redirect:/setup";
        }
        YearMonth current = YearMonth.now(clock);
        List<YearMonth> periods = List.of(current, current.minusMonths(1), current.minusMonths(2));
        List<SettingsOverview> overviews =
                settings.list(null, null, new PageRequest(1, SETTINGS_SHOWN)).items().stream()
                        .sorted((a, b) -> Boolean.compare(b.active(), a.active()))
                        .map(found -> overview(found, periods))
                        .toList();
        model.addAttribute("overviews", overviews);
        model.addAttribute("consumptionEnabled", pause.globalEnabled());
        return "console/overview";
    }

    private SettingsOverview overview(Settings found, List<YearMonth> periods) {
        Map<YearMonth, ConsumptionStatistics.Billed> billedByConsumption = consumption.billed(found, periods);
        List<MonthTotals> rows = months.summaries(found, periods).stream()
                .map(summary -> new MonthTotals(
                        summary, billedByConsumption.getOrDefault(summary.period(), ConsumptionStatistics.Billed.NONE)))
                .toList();
        return new SettingsOverview(found, health.of(found), rows, jobs.current(found.uuid(), null, JOBS_SHOWN));
    }

    record SettingsOverview(
            Settings settings,
            Optional<ConnectionHealth> health,
            List<MonthTotals> months,
            JobService.CurrentJobs jobs) {}
}
