package org.arrowsync.support;

import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** The persistent job queue as a test sees it over HTTP. */
public final class Jobs {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Jobs() {}

    /**
     * Waits for a queued job to finish (succeeded or failed) and returns its final view. A job not answered with 200
     * yet (a server still starting) is asked again.
     */
    public static JsonNode await(Api api, String uuid) {
        return await(api, uuid, PATIENCE);
    }

    public static JsonNode await(Api api, String uuid, Duration patience) {
        return await(api, uuid, patience, POLL_INTERVAL);
    }

    /**
     * The same, asking every {@code pollInterval}: a benchmark asks seldom, so that its asking costs the server little.
     */
    public static JsonNode await(Api api, String uuid, Duration patience, Duration pollInterval) {
        return awaitView(
                api,
                uuid,
                "to finish",
                patience,
                pollInterval,
                job -> finished(job.get("state").asString()));
    }

    /**
     * Waits for the newest job of a kind of the settings (one a run queued after itself) to finish and returns its
     * final view.
     */
    public static JsonNode awaitNewest(Api api, String kind, String settingsUuid) {
        JsonNode newest = api.get(
                        "/api/admin/arrow/jobs/?kind=" + kind + "&settings_uuid=" + settingsUuid + "&page_size=1")
                .expect(200)
                .json()
                .get(0);
        return await(api, newest.get("uuid").asString());
    }

    /** Waits until a job is in a state ({@code running}) and returns its view. */
    public static JsonNode awaitState(Api api, String uuid, String state) {
        return awaitView(
                api,
                uuid,
                "to be " + state,
                PATIENCE,
                POLL_INTERVAL,
                job -> state.equals(job.get("state").asString()));
    }

    /**
     * Waits until a finished job's progress counts {@code key} and returns its view: a job's outcome may be recorded
     * before its handler ends (D265), and what the handler counts after it (a job it queued) with its end.
     */
    public static JsonNode awaitCounted(Api api, String uuid, String key) {
        return awaitView(
                api,
                uuid,
                "to count " + key,
                PATIENCE,
                POLL_INTERVAL,
                job -> job.path("progress").has(key));
    }

    private static boolean finished(String state) {
        return state.equals("succeeded") || state.equals("failed");
    }

    private static JsonNode awaitView(
            Api api,
            String uuid,
            String what,
            Duration patience,
            Duration pollInterval,
            Predicate<JsonNode> condition) {
        return Awaitility.await("job " + uuid + " " + what)
                .atMost(patience)
                .pollInterval(pollInterval)
                .until(() -> view(api, uuid), job -> job != null && condition.test(job));
    }

    private static JsonNode view(Api api, String uuid) {
        Response response = api.get("/api/admin/arrow/jobs/" + uuid + "/");
        return response.status() == 200 ? response.json() : null;
    }
}
