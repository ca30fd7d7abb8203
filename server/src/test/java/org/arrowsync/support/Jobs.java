package org.arrowsync.support;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** The persistent job queue as a test sees it over HTTP. */
public final class Jobs {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private Jobs() {}

    /**
     * Waits for a queued job to finish (succeeded or failed) and returns its final view. A job not answered with 200
     * yet (a server still starting) is asked again.
     */
    public static JsonNode await(Api api, String uuid) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Response response = api.get("/api/admin/arrow/jobs/" + uuid + "/");
            if (response.status() == 200) {
                JsonNode job = response.json();
                String state = job.get("state").asString();
                if (state.equals("succeeded") || state.equals("failed")) {
                    return job;
                }
            }
            sleep(100);
        }
        throw new AssertionError("Job " + uuid + " did not finish in time");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
