package org.arrowsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class JobQueueIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobService jobs;

    @Test
    void aQueuedJobThatLostItsExecutionIsScheduledAgain() {
        UUID settings = UUID.randomUUID();
        JobRows.settings(jdbc, settings);
        UUID job = JobRows.queuedJob(jdbc, settings, "orphan", TestClock.now().minus(Duration.ofMinutes(5)));

        assertThat(jobs.rescheduleOrphans()).isGreaterThanOrEqualTo(1);

        JsonNode finished = Jobs.await(api, Uuids.hex(job));
        assertThat(finished.get("state").asString()).as("the orphan ran").isEqualTo("succeeded");
        jdbc.sql("delete from arrow_settings where uuid = ?").param(settings).update();
    }

    /**
     * D266: a job taken up, still running, after its server was lost under two runs before (the third lost now) fails
     * saying so, rather than take the next server down too; a running job that lost its execution is taken up.
     */
    @Test
    void aJobWhoseServerWasLostInEachOfItsRunsIsNotRunAgain() {
        UUID settings = UUID.randomUUID();
        JobRows.settings(jdbc, settings);
        UUID job = JobRows.queuedJob(jdbc, settings, "lost", TestClock.now().minus(Duration.ofMinutes(5)));
        jdbc.sql("""
                        update arrow_jobs set state = 'running', attempts = 3, lost_runs = 2, progress = '{"lines": 7}'
                        where uuid = ?""").param(job).update();

        jobs.rescheduleOrphans();

        JsonNode failed = Jobs.await(api, Uuids.hex(job));
        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("attempts").asInt()).as("not run a fourth time").isEqualTo(3);
        assertThat(failed.get("error_message").asString()).contains("stopped under it in 3 of its runs");
        assertThat(failed.get("progress").get("lines").asInt())
                .as("what its runs had reported")
                .isEqualTo(7);
        jdbc.sql("delete from arrow_settings where uuid = ?").param(settings).update();
    }

    @Autowired
    BillingSchedules billingSchedules;

    @Test
    void billingSchedulesQueueWorkOnlyForSettingsWithSyncEnabled() {
        UUID enabled = settings(true);
        UUID disabled = settings(false);
        billingSchedules.queueSyncs();
        billingSchedules.queueValidations();
        List<String> kindsOfEnabled = kinds(enabled);
        assertThat(kindsOfEnabled).contains("billing_sync", "billing_validation");
        assertThat(kinds(disabled)).isEmpty();
        jdbc.sql("update arrow_settings set sync_enabled = false where uuid = ?")
                .param(enabled)
                .update();
    }

    private UUID settings(boolean syncEnabled) {
        UUID uuid = UUID.randomUUID();
        jdbc.sql("""
                        insert into arrow_settings (uuid, api_url, api_key, export_type_reference, is_active, sync_enabled, created, modified)
                        values (?, 'http://127.0.0.1:9/', 'k', 'T', false, ?, now(), now())""").params(uuid, syncEnabled).update();
        return uuid;
    }

    private List<String> kinds(UUID settings) {
        return jdbc.sql(
                        "select distinct j.kind from arrow_jobs j join arrow_settings s on s.id = j.settings_id where s.uuid = ? order by 1")
                .param(settings)
                .query(String.class)
                .list();
    }

    @Test
    void jobsAreListedAndFilteredByState() {
        Response list = api.get("/api/admin/arrow/jobs/?state=succeeded").expect(200);
        assertThat(list.header("X-Result-Count")).isNotNull();
        api.get("/api/admin/arrow/jobs/?settings_uuid=nope").expect(400);
        api.get("/api/admin/arrow/jobs/" + UUID.randomUUID() + "/").expect(404);
    }
}
