package org.arrowsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrowsync.billing.ScheduledMonths;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Uuids;
import org.arrowsync.shared.ValidationGrace;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** D249: the billing schedule catches up a month that ended without a sync of the settings record. */
class BillingScheduleMonthsIntegrationTests extends IntegrationTest {

    private static final YearMonth CURRENT = TestClock.currentMonth();

    @RegisterExtension
    static final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BillingSchedules schedules;

    @Autowired
    ScheduledMonths months;

    @Autowired
    SettingsService settings;

    @Autowired
    ValidationGrace grace;

    /**
     * A record in use for four months whose mapped customer had no line in Arrow's export (or whose sync was paused):
     * the three months before the current one are scheduled though none has a sync; one read after its grace drops out;
     * once a customer with lines is mapped, the schedule bills a month nobody synced.
     */
    @Test
    void aMonthThatEndedWithoutASyncIsSyncedByTheScheduleUntilItsExportIsReadPastItsGrace() {
        String record = fixture.settings();
        inUseForFourMonths(record);
        api.patch("/api/admin/arrow/settings/" + record + "/", Map.of("sync_enabled", true))
                .expect(200);
        fixture.mapCustomer("XSP-NOBODY", "Nobody Without Lines Ltd");
        YearMonth threeBack = CURRENT.minusMonths(3);
        YearMonth twoBack = CURRENT.minusMonths(2);
        YearMonth previous = CURRENT.minusMonths(1);
        assertThat(scheduled()).containsExactly(threeBack, twoBack, previous, CURRENT);

        fixture.syncedBilling(twoBack);
        fixture.syncedBilling(previous);

        List<YearMonth> expected = new ArrayList<>(List.of(threeBack));
        if (!grace.over(previous, TestClock.now())) {
            expected.add(previous); // read within its grace: Arrow may still add its lines
        }
        expected.add(CURRENT);
        assertThat(scheduled())
                .as("a month read after its grace with no line of the mapped customers drops out")
                .containsExactlyElementsOf(expected);

        Map<String, String> customers = fixture.mapCustomers(1);
        String arrowReference = customers.keySet().iterator().next();
        schedules.queueSyncs();
        queuedJobs(record).forEach(job -> Jobs.await(api, job));

        assertThat(fixture.arrowChargesAsBilled(customers.get(arrowReference), threeBack))
                .as("the month nobody synced is billed by the schedule")
                .isPositive()
                .isEqualByComparingTo(fixture.exportSellAsBilled(threeBack, arrowReference));
    }

    /**
     * D259: a run limited to one license reads that license's lines alone, so it is not the month's read: the month
     * stays scheduled until a sync of the whole month reads it after its grace.
     */
    @Test
    void aRunLimitedToOneLicenseDoesNotTakeTheMonthOffTheSchedule() {
        String record = fixture.otherSettingsOfTheSameAccount(Map.of("sync_enabled", true));
        inUseForFourMonths(record);
        api.post(
                        "/api/admin/arrow/customer-mappings/",
                        Map.of(
                                "settings",
                                record,
                                "arrow_reference",
                                "XSP-NOBODY-LIMITED",
                                "arrow_company_name",
                                "Nobody Limited Ltd",
                                "waldur_customer",
                                fixture.customer()))
                .expect(201);
        YearMonth threeBack = CURRENT.minusMonths(3);
        assertThat(grace.over(threeBack, TestClock.now())).isTrue();
        assertThat(monthsOf(record)).contains(threeBack);
        String resource = fixture.licensedResource(
                fixture.project(fixture.customer()), fixture.offering().text("uuid"), "XSP-LICENSE-LIMITED");
        Map<String, Object> oneLicense = fixture.period(threeBack, record);
        oneLicense.put("resource_uuid", resource);

        assertThat(fixture.run("trigger_sync", oneLicense).get("state").asString())
                .isEqualTo("succeeded");

        assertThat(monthsOf(record)).as("read for one license only").contains(threeBack);
        fixture.run("trigger_sync", fixture.period(threeBack, record));
        assertThat(monthsOf(record)).as("read whole after its grace").doesNotContain(threeBack);
    }

    /** A month that ended before the record was created may have been billed before: synced only on request. */
    @Test
    void aMonthThatEndedBeforeTheRecordWasCreatedIsNotScheduled() {
        String created = fixture.otherSettingsOfTheSameAccount(Map.of("sync_enabled", true));
        assertThat(monthsOf(created)).containsExactly(CURRENT);
    }

    /** The record created at the start of the fourth month before the current one. */
    private void inUseForFourMonths(String record) {
        jdbc.sql("update arrow_settings set created = ? where uuid = ?::uuid")
                .params(
                        Timestamp.from(
                                CURRENT.minusMonths(4).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                        record)
                .update();
    }

    private List<YearMonth> scheduled() {
        return monthsOf(fixture.settings());
    }

    private List<YearMonth> monthsOf(String record) {
        return months.of(settings.named(Uuids.fromPath(record)));
    }

    private List<String> queuedJobs(String record) {
        return jdbc.sql("""
                        select replace(j.uuid::text, '-', '') from arrow_jobs j join arrow_settings s on s.id = j.settings_id
                        where s.uuid = ?::uuid and j.kind = 'billing_sync' and j.state in ('queued', 'running')""").param(Uuids.fromPath(record)).query(String.class).list();
    }
}
