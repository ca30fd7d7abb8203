package org.arrowsync.jobs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows a jobs test writes itself: settings that no Arrow answers, and a queued job of theirs with no execution. */
final class JobRows {

    private JobRows() {}

    /** Inactive settings of an address nothing listens on. */
    static void settings(JdbcClient jdbc, UUID settings) {
        jdbc.sql(
                        "insert into arrow_settings (uuid, api_url, api_key, is_active, created, modified) values (?, 'http://127.0.0.1:9/', 'k', false, now(), now())")
                .param(settings)
                .update();
    }

    /** A validation job of the settings, queued at {@code created}, that db-scheduler was never given. */
    static UUID queuedJob(JdbcClient jdbc, UUID settings, String coalescePrefix, Instant created) {
        UUID job = UUID.randomUUID();
        jdbc.sql("""
                        insert into arrow_jobs (uuid, kind, settings_id, coalesce_key, triggered_by, created)
                        values (?, 'billing_validation', (select id from arrow_settings where uuid = ?), ?, 'test', ?)""")
                .params(job, settings, coalescePrefix + "|" + job, OffsetDateTime.ofInstant(created, ZoneOffset.UTC))
                .update();
        return job;
    }
}
