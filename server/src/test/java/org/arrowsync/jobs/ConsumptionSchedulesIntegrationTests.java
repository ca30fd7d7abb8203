package org.arrowsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.arrowsync.jobs.ConsumptionSchedules.ConsumptionScheduling;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The periodic consumption work is gated by the global switch and the settings' sync_enabled, both set through
 * pause/resume.
 */
class ConsumptionSchedulesIntegrationTests extends IntegrationTest {

    private static final String BASE = "/api/admin/arrow/billing-syncs/";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsumptionScheduling scheduling;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void pauseAndResumeGateTheSchedules() {
        jdbc.sql("update arrow_settings set sync_enabled = false").update();
        fixture.trackedResources(1);
        String settings = fixture.settings();
        api.post(BASE + "pause_sync/", Map.of("pause_global", true)).expect(200);
        assertThat(scheduling.syncCurrentMonth()).isEmpty();
        assertThat(scheduling.finaliseRecentMonths()).isEmpty();

        api.post(BASE + "resume_sync/", Map.of("pause_global", true)).expect(200);
        api.post(BASE + "pause_sync/", Map.of("settings_uuid", settings)).expect(200);
        assertThat(scheduling.syncCurrentMonth()).isEmpty();

        api.post(BASE + "resume_sync/", Map.of("settings_uuid", settings)).expect(200);
        List<JobService.Submitted> sync = scheduling.syncCurrentMonth();
        assertThat(sync).hasSize(1);
        JsonNode job = Jobs.await(api, Uuids.hex(sync.get(0).uuid()));
        assertThat(job.get("state").asString()).isEqualTo("succeeded");
        assertThat(job.get("period").asString())
                .isEqualTo(TestClock.currentMonth().toString());
        assertThat(job.get("result").get("synced").asInt()).isEqualTo(4);
        JsonNode queuedBy = api.get(
                        "/api/admin/audit-log/" + job.get("audit_entry").asString() + "/")
                .expect(200)
                .json();
        assertThat(queuedBy.get("actor").asString())
                .as("a schedule records itself")
                .isEqualTo("schedule");
        assertThat(queuedBy.get("action").asString()).isEqualTo("queue_consumption_sync");
        assertThat(queuedBy.get("target_uuid").asString())
                .isEqualTo(job.get("uuid").asString());
        assertThat(queuedBy.get("status").isNull()).isTrue();

        List<JobService.Submitted> finalisation = scheduling.finaliseRecentMonths();
        assertThat(finalisation).hasSize(2);
        finalisation.forEach(submitted -> assertThat(Jobs.await(api, Uuids.hex(submitted.uuid()))
                        .get("state")
                        .asString())
                .isEqualTo("succeeded"));
    }

    /**
     * D124: a month before the previous one whose records were never finalised (its finalisation failed while it was
     * the previous month) is queued by the schedule until its records are finalised, then no more.
     */
    @Test
    void aMonthBeforeThePreviousOneLeftUnfinalisedIsFinalisedByTheSchedule() {
        jdbc.sql("update arrow_settings set sync_enabled = false").update();
        fixture.trackedResources(1);
        YearMonth older = TestClock.currentMonth().minusMonths(2);
        fixture.syncConsumption(older);
        assertThat(unfinalised(older)).isPositive();

        List<JobService.Submitted> queued = scheduling.finaliseRecentMonths();

        assertThat(queued).hasSize(3);
        queued.forEach(submitted -> assertThat(Jobs.await(api, Uuids.hex(submitted.uuid()))
                        .get("state")
                        .asString())
                .isEqualTo("succeeded"));
        assertThat(unfinalised(older)).isZero();
        assertThat(scheduling.finaliseRecentMonths())
                .as("the current and previous months only")
                .hasSize(2);
    }

    private long unfinalised(YearMonth period) {
        return jdbc.sql("""
                        select count(*) from consumption_records r join arrow_settings s on s.id = r.settings_id
                        where s.uuid = ?::uuid and r.billing_period = ? and r.finalized_at is null""")
                .params(fixture.settings(), period.atDay(1))
                .query(Long.class)
                .single();
    }
}
