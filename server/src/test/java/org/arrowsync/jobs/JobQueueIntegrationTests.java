package org.arrowsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
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
    void aQueuedJobThatLostItsExecutionIsScheduledAgain() throws InterruptedException {
        UUID settings = UUID.randomUUID();
        jdbc.sql("insert into arrow_settings (uuid, api_url, api_key, is_active, created, modified) values (?, 'http://127.0.0.1:9/', 'k', false, now(), now())")
                .param(settings).update();
        UUID job = UUID.randomUUID();
        jdbc.sql("""
                        insert into arrow_jobs (uuid, kind, settings_id, coalesce_key, triggered_by, created)
                        values (?, 'billing_validation', (select id from arrow_settings where uuid = ?), ?, 'test', now() - interval '5 minutes')""")
                .params(job, settings, "orphan|" + job).update();

        assertThat(jobs.rescheduleOrphans()).isGreaterThanOrEqualTo(1);

        JsonNode finished = null;
        for (int i = 0; i < 100 && finished == null; i++) {
            JsonNode view = api.get("/api/admin/arrow/jobs/" + job.toString().replace("-", "") + "/").expect(200).json();
            finished = view.get("state").asString().equals("succeeded") ? view : null;
            Thread.sleep(100);
        }
        assertThat(finished).as("the orphan ran").isNotNull();
        jdbc.sql("delete from arrow_settings where uuid = ?").param(settings).update();
    }

    @Test
    void jobsAreListedAndFilteredByState() {
        Response list = api.get("/api/admin/arrow/jobs/?state=succeeded").expect(200);
        assertThat(list.header("X-Result-Count")).isNotNull();
        api.get("/api/admin/arrow/jobs/?settings_uuid=nope").expect(400);
        api.get("/api/admin/arrow/jobs/" + UUID.randomUUID() + "/").expect(404);
    }
}
