package org.arrowsync.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.arrowsync.consumption.FinalisationService;
import org.arrowsync.consumption.SyncOrders;
import org.arrowsync.consumption.SyncPause;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The periodic consumption work: every hour the current month is synced, every six hours the previous and current
 * months are finalised (intervals are configuration). Both are gated by the global switch and each settings'
 * {@code sync_enabled}; they only queue jobs.
 */
@Configuration(proxyBeanMethods = false)
class ConsumptionSchedules {

    @Bean
    RecurringTask<Void> consumptionSyncSchedule(ConsumptionScheduling scheduling, JobsProperties properties) {
        return Tasks.recurring("consumption-sync", FixedDelay.of(properties.consumptionSyncInterval()))
                .execute((instance, context) -> scheduling.syncCurrentMonth());
    }

    @Bean
    RecurringTask<Void> consumptionFinalisationSchedule(ConsumptionScheduling scheduling, JobsProperties properties) {
        return Tasks.recurring("consumption-finalisation", FixedDelay.of(properties.consumptionFinalisationInterval()))
                .execute((instance, context) -> scheduling.finaliseRecentMonths());
    }

    /** What the schedules queue, callable on its own so the gating can be checked without waiting for a schedule. */
    @Component
    static class ConsumptionScheduling {

        private final SyncPause pause;
        private final SettingsService settings;
        private final SyncOrders orders;
        private final JobService jobs;
        private final LicenseBilling claims;
        private final FinalisationService finalisation;
        private final Clock clock;

        ConsumptionScheduling(
                SyncPause pause,
                SettingsService settings,
                SyncOrders orders,
                JobService jobs,
                LicenseBilling claims,
                FinalisationService finalisation,
                Clock clock) {
            this.pause = pause;
            this.settings = settings;
            this.orders = orders;
            this.jobs = jobs;
            this.claims = claims;
            this.finalisation = finalisation;
            this.clock = clock;
        }

        List<JobService.Submitted> syncCurrentMonth() {
            return submit(List.of(YearMonth.now(clock)), new JobParameters.ConsumptionSync(null));
        }

        /**
         * The current and previous months, the two before them while they have records not finalised (D124), and any
         * older one with a license-month consumption tracking bills that is due a finalisation run: lines a
         * reconciliation moved into or out of it (D119), added or dropped after validation (D191), or whose amounts a
         * billing sync saw change (D293).
         */
        List<JobService.Submitted> finaliseRecentMonths() {
            YearMonth current = YearMonth.now(clock);
            Set<YearMonth> periods = new TreeSet<>(claims.monthsWithMovesUnfinalised());
            periods.add(current.minusMonths(1));
            periods.add(current);
            return submit(
                    enabled -> {
                        Set<YearMonth> theirs = new TreeSet<>(periods);
                        theirs.addAll(finalisation.olderMonthsUnfinalised(enabled));
                        return List.copyOf(theirs);
                    },
                    new JobParameters.ConsumptionFinalisation(false));
        }

        private List<JobService.Submitted> submit(List<YearMonth> periods, JobParameters parameters) {
            return submit(enabled -> periods, parameters);
        }

        /** Queues each month {@code periods} gives for each settings record with sync enabled. */
        private List<JobService.Submitted> submit(
                Function<Settings, List<YearMonth>> periods, JobParameters parameters) {
            List<JobService.Submitted> submitted = new ArrayList<>();
            if (!pause.globalEnabled()) {
                return submitted;
            }
            for (Settings enabled : settings.syncEnabled()) {
                for (YearMonth period : periods.apply(enabled)) {
                    submitted.add(jobs.submit(JobTriggers.request(
                            orders.scheduled(enabled, period), parameters, JobRequest.BY_SCHEDULE)));
                }
            }
            return submitted;
        }
    }
}
