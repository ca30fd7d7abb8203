package org.arrowsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.arrowsync.shared.Secrets;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * D52: a job's record holds no stored secret, and stays a record whatever the secret holds. An API key may be any
 * printable text, JSON's own characters included: masked in the record's JSON text, such a key made it no longer JSON,
 * the record could not be saved and the job ran again for ever.
 */
class JobRecordSecrecyIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobRepository jobs;

    private final UUID settings = UUID.randomUUID();

    @AfterEach
    void removeSettings() {
        jdbc.sql("delete from arrow_jobs where settings_id = (select id from arrow_settings where uuid = ?)")
                .param(settings)
                .update();
        jdbc.sql("delete from arrow_settings where uuid = ?").param(settings).update();
    }

    @Test
    void aKeyHoldingJsonSyntaxIsMaskedInsideTheRecordsStrings() {
        String field = "synced-" + System.nanoTime();
        String key = "\"" + field + "\":";
        Secrets.remember(key);
        UUID job = queuedJob();
        JsonMapper json = JsonMapper.builder().build();
        JsonNode counts = json.readTree("{\"" + field + "\":3}");
        JsonNode errors = json.createArrayNode().add("Arrow refused " + key);

        jobs.finish(job, JobState.SUCCEEDED, counts, errors, counts, "", TestClock.now());

        JsonNode saved = api.get("/api/admin/arrow/jobs/" + Uuids.hex(job) + "/")
                .expect(200)
                .json();
        assertThat(saved.get("state").asString()).isEqualTo("succeeded");
        assertThat(saved.get("result").get(field).asInt()).isEqualTo(3);
        assertThat(saved.get("errors").get(0).asString()).isEqualTo("Arrow refused " + Secrets.MASK);
    }

    private UUID queuedJob() {
        JobRows.settings(jdbc, settings);
        return JobRows.queuedJob(jdbc, settings, "secrecy", TestClock.now());
    }
}
