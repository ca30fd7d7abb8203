package org.arrowsync.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** D19: the API key is write-only: in no response body, log line or error message, whatever happens. */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeySecrecyIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static final String KEY = "SECRET-arrow-key-4711-do-not-leak";
    private static final String WRONG_KEY = "SECRET-wrong-key-0815-do-not-leak";
    private static final String BASE = "/api/admin/arrow/settings/";

    @Test
    void theKeyAppearsInNoResponseAndNoLogLine(CapturedOutput output) {
        List<Response> responses = new ArrayList<>();
        try (Emulator arrow = Emulator.start(Emulator.options().withApiKey(KEY))) {
            Map<String, Object> credentials = Map.of("api_url", arrow.apiUrl(), "api_key", KEY);
            Response created = api.post(BASE, Map.of("api_url", arrow.apiUrl(), "api_key", KEY, "is_active", true))
                    .expect(201);
            String uuid = created.text("uuid");
            responses.add(created);
            String stored = jdbc.sql("select api_key from arrow_settings where uuid = ?::uuid")
                    .param(uuid)
                    .query(String.class)
                    .single();
            assertThat(stored)
                    .as("stored encrypted at rest")
                    .startsWith(SecretCipher.PREFIX)
                    .doesNotContain(KEY);
            responses.add(api.post("/api/admin/arrow/customer-mappings/sync_from_arrow/", Map.of("settings_uuid", uuid))
                    .expect(200));
            responses.add(api.get(BASE).expect(200));
            responses.add(api.get(BASE + uuid + "/").expect(200));
            responses.add(
                    api.patch(BASE + uuid + "/", Map.of("api_key", WRONG_KEY)).expect(200));
            responses.add(api.patch(BASE + uuid + "/", Map.of("api_key", KEY)).expect(200));
            responses.add(api.post(BASE + "validate_credentials/", credentials).expect(200));
            Response refused = api.post(
                            BASE + "validate_credentials/", Map.of("api_url", arrow.apiUrl(), "api_key", WRONG_KEY))
                    .expect(200);
            assertThat(refused.text("error")).startsWith("Invalid credentials: ");
            responses.add(refused);
            responses.add(api.post(BASE + "preview_settings/", Map.of("api_url", arrow.apiUrl(), "api_key", WRONG_KEY))
                    .expect(400));
            responses.add(
                    api.post(BASE + "discover_customers/", Map.of("api_url", arrow.apiUrl(), "api_key", WRONG_KEY))
                            .expect(400));
            responses.add(api.post(BASE + "discover_customers/", credentials).expect(200));
            arrow.fault("{\"family\":\"*\",\"kind\":\"500\",\"count\":20}");
            Response outage =
                    api.post(BASE + "validate_credentials/", credentials).expect(200);
            assertThat(outage.text("error")).as("an outage is no wrong key").startsWith("Arrow could not check");
            responses.add(outage);
            responses.add(api.post(BASE + "save_settings/", credentials).expect(502));
            responses.add(api.get("/api/admin/arrow/customer-mappings/available_customers/")
                    .expect(400));
            responses.add(api.post("/api/admin/arrow/customer-mappings/sync_from_arrow/", Map.of())
                    .expect(502));
            responses.add(api.post(BASE, Map.of("api_url", arrow.apiUrl(), "api_key", KEY, "is_active", false))
                    .expect(201));
            arrow.clearFaults();
            responses.add(
                    api.post(BASE, Map.of("api_url", "bad url", "api_key", KEY)).expect(400));
        }
        assertThat(output.getAll())
                .contains("Arrow call failed")
                .doesNotContain(KEY)
                .doesNotContain(WRONG_KEY);
        for (Response response : responses) {
            assertThat(response.body())
                    .as(response.method() + " " + response.path())
                    .doesNotContain(KEY)
                    .doesNotContain(WRONG_KEY);
        }
    }
}
