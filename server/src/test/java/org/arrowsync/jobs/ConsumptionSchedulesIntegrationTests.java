package org.arrowsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.arrowsync.consumption.ConsumptionWorld;
import org.arrowsync.jobs.ConsumptionSchedules.ConsumptionScheduling;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.Api;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The periodic consumption work is gated by the global switch and the settings' sync_enabled, both set through
 * pause/resume.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumptionSchedulesIntegrationTests extends IntegrationTest {

    private static final String BASE = "/api/admin/arrow/billing-syncs/";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsumptionScheduling scheduling;

    private ConsumptionWorld world;

    @BeforeAll
    void buildWorld() {
        jdbc.sql("update arrow_settings set sync_enabled = false").update();
        world = ConsumptionWorld.create(Api.at(port), jdbc, 1);
    }

    @AfterAll
    void stopEmulator() {
        world.close();
    }

    @Test
    void pauseAndResumeGateTheSchedules() {
        String settings = Uuids.hex(world.settingsUuid);
        api.post(BASE + "pause_sync/", Map.of("pause_global", true)).expect(200);
        assertThat(scheduling.syncCurrentMonth()).isEmpty();
        assertThat(scheduling.finaliseRecentMonths()).isEmpty();

        api.post(BASE + "resume_sync/", Map.of("pause_global", true)).expect(200);
        api.post(BASE + "pause_sync/", Map.of("settings_uuid", settings)).expect(200);
        assertThat(scheduling.syncCurrentMonth()).isEmpty();

        api.post(BASE + "resume_sync/", Map.of("settings_uuid", settings)).expect(200);
        List<JobService.Submitted> sync = scheduling.syncCurrentMonth();
        assertThat(sync).hasSize(1);
        JsonNode job = world.awaitJob(Uuids.hex(sync.get(0).uuid()));
        assertThat(job.get("state").asString()).isEqualTo("succeeded");
        assertThat(job.get("period").asString()).isEqualTo(ConsumptionWorld.CURRENT.toString());
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
        finalisation.forEach(submitted -> assertThat(
                        world.awaitJob(Uuids.hex(submitted.uuid())).get("state").asString())
                .isEqualTo("succeeded"));
    }
}
