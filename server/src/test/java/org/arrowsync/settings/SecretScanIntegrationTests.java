package org.arrowsync.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys holding what an HTTP header cannot carry (a line break, a tab, quotes, letters beyond Latin-1) appear in no
 * answer, job record or log line: refused when typed in (a 400 that does not repeat them), and when stored by an
 * earlier release, refused before any call with a message that does not name them either. And the stored key never
 * travels to an address it was not given for.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretScanIntegrationTests extends IntegrationTest {

    private static final String BASE = "/api/admin/arrow/settings/";
    private static final String AUDIT_LOG = "/api/admin/audit-log/?page_size=300";
    /** Keys no HTTP header carries as they are: refused when typed in. */
    private static final List<String> ODD_KEYS = List.of(
            "odd-key\nsecond-line-4711",
            "odd-key\ttabbed-4712",
            "odd-key-ключ-арроу-4714",
            "odd-key-\u2028-separator-4715",
            "odd key with spaces 4716",
            "odd-key-\u0000-nul-4717");
    /** A key a header carries, quotes and backslash included: accepted, used, and still never shown. */
    private static final String QUOTED_KEY = "quoted\"key'\\4713";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettingsService settings;

    /**
     * D272: a refusal repeats a value its request sent as it was sent, a secret the server holds among them: masked
     * only then, it would tell whoever sends guesses which one is the stored key (or the admin's password).
     */
    @Test
    void aRefusalRepeatsWhatItWasSentSoThatNoGuessOfASecretIsConfirmed() {
        String key = "guess-me-4718";
        try (ArrowFixture guessed =
                ArrowFixture.on(api, jdbc, Emulator.options().withApiKey(key))) {
            String stored = guessed.settings(); // so its key is remembered as a secret
            String user = guessed.userToken();
            for (String guess : List.of(key, "guess-me-4719")) {
                assertThat(api.as(user)
                                .get("/api/invoices/?state=" + guess)
                                .expect(400)
                                .json()
                                .toString())
                        .as("the refusal of %s", guess)
                        .contains(guess);
            }
            // sent in a JSON escape, or past what the audit keeps of a body: repeated as read, not masked either
            for (String body : List.of(
                    "{\"api_url\": \"https://arrow.example\", \"api_key\": \"some-key-4718\","
                            + " \"invoice_price_source\": \"\\u0067uess-me-4718\"}",
                    "{" + " ".repeat(70_000) + "\"api_url\": \"https://arrow.example\", \"api_key\": \"some-key-4718\","
                            + " \"invoice_price_source\": \"" + key + "\"}")) {
                assertThat(api.send("POST", BASE, body).expect(400).json().toString())
                        .as("the refusal of a body of %s characters", body.length())
                        .contains(key);
            }
            api.delete(BASE + stored + "/").expect(204);
        }
    }

    @Test
    void oddKeysAppearInNoAnswerJobRecordOrLogLine(CapturedOutput output) {
        List<Response> answers = new ArrayList<>();
        YearMonth month = TestClock.currentMonth().minusMonths(1);
        try (Emulator arrow = Emulator.start()) {
            long settingsBefore = settingsCount();
            String existing = api.post(
                            BASE, Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey(), "is_active", false))
                    .expect(201)
                    .text("uuid");
            long calls = arrow.requests();
            for (String key : ODD_KEYS) {
                Map<String, Object> typedIn = Map.of("api_url", arrow.apiUrl(), "api_key", key);
                for (String action : List.of(
                        "", "validate_credentials/", "preview_settings/", "discover_customers/", "save_settings/")) {
                    Response refused = api.post(BASE + action, typedIn).expect(400);
                    assertThat(refused.json().has("api_key")).as(action).isTrue();
                    answers.add(refused);
                }
                answers.add(
                        api.patch(BASE + existing + "/", Map.of("api_key", key)).expect(400));
                answers.add(api.put(BASE + existing + "/", typedIn).expect(400));
            }
            assertThat(settingsCount()).as("no odd key stored").isEqualTo(settingsBefore + 1);
            assertThat(storedKey(existing)).isNotIn(ODD_KEYS);

            // stored before keys were checked (PostgreSQL stores no NUL): refused before any call, whatever runs
            for (String key :
                    ODD_KEYS.stream().filter(key -> key.indexOf(0) < 0).toList()) {
                String legacy = legacySettings(arrow.apiUrl(), key);
                answers.add(
                        api.post("/api/admin/arrow/customer-mappings/sync_from_arrow/", Map.of("settings_uuid", legacy))
                                .expect(400));
                for (String trigger : List.of("trigger_sync", "trigger_consumption_sync")) {
                    String job = api.post(
                                    "/api/admin/arrow/billing-syncs/" + trigger + "/",
                                    Map.of(
                                            "year",
                                            month.getYear(),
                                            "month",
                                            month.getMonthValue(),
                                            "settings_uuid",
                                            legacy))
                            .expect(202)
                            .text("uuid");
                    assertThat(Jobs.await(api, job).get("state").asString()).isIn("failed", "succeeded");
                    answers.add(api.get("/api/admin/arrow/jobs/" + job + "/").expect(200));
                }
                answers.add(api.get(BASE + legacy + "/").expect(200));
            }
            answers.add(api.get("/api/admin/arrow/jobs/?page_size=300").expect(200));
            answers.add(api.get(BASE + "?page_size=300").expect(200));
            answers.add(api.get(AUDIT_LOG).expect(200));
            assertThat(arrow.requests()).as("no call was made with an odd key").isEqualTo(calls);
        }
        String auditEntries = auditEntries();
        String jobRecords = jdbc.sql("select coalesce(string_agg(j::text, ' '), '') from arrow_jobs j")
                .query(String.class)
                .single();
        String syncRecords = jdbc.sql("select coalesce(string_agg(s::text, ' '), '') from billing_syncs s")
                .query(String.class)
                .single();
        for (String key : ODD_KEYS) {
            for (String form : forms(key)) {
                for (Response answer : answers) {
                    assertThat(answer.body())
                            .as(answer.method() + " " + answer.path() + " holds " + form)
                            .doesNotContain(form);
                }
                assertThat(jobRecords).as("job records").doesNotContain(form);
                assertThat(syncRecords).as("billing sync records").doesNotContain(form);
                assertThat(auditEntries).as("audit entries").doesNotContain(form);
                assertThat(output.getAll()).as("the log").doesNotContain(form);
            }
        }
    }

    @Test
    void aKeyWithQuotesWorksAndIsShownNowhere(CapturedOutput output) {
        List<Response> answers = new ArrayList<>();
        YearMonth month = TestClock.currentMonth().minusMonths(1);
        try (ArrowFixture quoted = ArrowFixture.on(api, jdbc, Emulator.options().withApiKey(QUOTED_KEY))) {
            Emulator arrow = quoted.emulator();
            Map<String, Object> credentials = Map.of("api_url", arrow.apiUrl(), "api_key", QUOTED_KEY);
            String settings = quoted.settings();
            Response created = api.get(BASE + settings + "/").expect(200);
            answers.add(created);
            assertThat(created.text("partner_name")).as("the key works").isNotBlank();
            answers.add(api.post(BASE + "validate_credentials/", credentials).expect(200));
            answers.add(api.post(BASE + "discover_customers/", credentials).expect(200));
            quoted.mapCustomers(1);
            Map<String, Object> wrong = Map.of("api_url", arrow.apiUrl(), "api_key", QUOTED_KEY + "\"x");
            answers.add(api.post(BASE + "validate_credentials/", wrong).expect(200));
            answers.add(api.post(BASE + "preview_settings/", wrong).expect(400));
            // the stored key pasted where no field name says it is a key: refused, audited, and masked all the same
            answers.add(api.post(BASE + "preview_settings/", Map.of("export_type_reference", QUOTED_KEY + "\u0000"))
                    .expect(400));
            arrow.fault("{\"family\":\"exports\",\"kind\":\"500\",\"count\":50}");
            String job = api.post(
                            "/api/admin/arrow/billing-syncs/trigger_sync/",
                            Map.of("year", month.getYear(), "month", month.getMonthValue(), "settings_uuid", settings))
                    .expect(202)
                    .text("uuid");
            assertThat(Jobs.await(api, job).get("state").asString()).isEqualTo("failed");
            answers.add(api.get("/api/admin/arrow/jobs/" + job + "/").expect(200));
            arrow.fault("{\"family\":\"whoami\",\"kind\":\"503\",\"count\":50}");
            answers.add(api.post(BASE + "preview_settings/", credentials).expect(502));
            answers.add(api.get(AUDIT_LOG).expect(200));
        }
        String auditEntries = auditEntries();
        String jobRecords = jdbc.sql("select coalesce(string_agg(j::text, ' '), '') from arrow_jobs j")
                .query(String.class)
                .single();
        for (String form : forms(QUOTED_KEY)) {
            for (Response answer : answers) {
                assertThat(answer.body())
                        .as(answer.method() + " " + answer.path())
                        .doesNotContain(form);
            }
            assertThat(jobRecords).doesNotContain(form);
            assertThat(auditEntries).doesNotContain(form);
            assertThat(output.getAll()).doesNotContain(form);
        }
    }

    @Test
    void aWebhookSecretAppearsInNoAnswerAuditEntryOrLogLine(CapturedOutput output) {
        String hooks = "/api/admin/webhooks/";
        String secret = "whsec\"odd\t\\secret\n-\u043a\u043b\u044e\u0447-4718";
        String replaced = secret + "-rotated";
        Map<String, Object> webhook =
                Map.of("url", "https://alerts.example/hook", "event_types", List.of("job.failed"), "secret", secret);
        List<Response> answers = new ArrayList<>();
        Response created = api.post(hooks, webhook).expect(201);
        String uuid = created.text("uuid");
        answers.add(created);
        answers.add(api.post(hooks, Map.of("url", "ftp://x/", "secret", secret)).expect(400));
        answers.add(api.patch(hooks + uuid + "/", Map.of("secret", replaced)).expect(200));
        answers.add(api.put(hooks + uuid + "/", Map.of("url", "https://alerts.example/hook", "secret", replaced))
                .expect(400));
        answers.add(api.get(hooks + uuid + "/").expect(200));
        answers.add(api.get(hooks).expect(200));
        answers.add(api.get(AUDIT_LOG).expect(200));
        api.delete(hooks + uuid + "/").expect(204);
        String auditEntries = auditEntries();
        for (String form : Stream.of(secret, replaced)
                .flatMap(value -> forms(value).stream())
                .toList()) {
            for (Response answer : answers) {
                assertThat(answer.body())
                        .as(answer.method() + " " + answer.path())
                        .doesNotContain(form);
            }
            assertThat(auditEntries).as("audit entries").doesNotContain(form);
            assertThat(output.getAll()).as("the log").doesNotContain(form);
        }
    }

    private String auditEntries() {
        return jdbc.sql("select coalesce(string_agg(a::text, ' '), '') from audit_log a")
                .query(String.class)
                .single();
    }

    @Test
    void anApiUrlChangedAloneNeverCarriesTheStoredKeyAway() {
        try (Emulator arrow = Emulator.start(Emulator.options().withApiKey("the-stored-key-4711"));
                Emulator elsewhere = Emulator.start(Emulator.options().withApiKey("elsewhere-key-0815"))) {
            String uuid = api.post(
                            BASE, Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey(), "is_active", false))
                    .expect(201)
                    .text("uuid");
            Response patched = api.patch(BASE + uuid + "/", Map.of("api_url", elsewhere.apiUrl()))
                    .expect(400);
            assertThat(patched.json().get("api_key").get(0).asString()).contains("api_url");
            api.put(BASE + uuid + "/", Map.of("api_url", elsewhere.apiUrl())).expect(400);
            assertThat(elsewhere.requests())
                    .as("nothing was sent to the new address")
                    .isZero();
            assertThat(api.get(BASE + uuid + "/").text("api_url")).isEqualTo(arrow.apiUrl());

            api.patch(BASE + uuid + "/", Map.of("sync_enabled", true)).expect(200);
            api.patch(BASE + uuid + "/", Map.of("api_url", arrow.apiUrl())).expect(200);
            assertThat(elsewhere.requests()).isZero();

            api.patch(BASE + uuid + "/", Map.of("api_url", elsewhere.apiUrl(), "api_key", elsewhere.apiKey()))
                    .expect(200);
            assertThat(api.get(BASE + uuid + "/").text("partner_name")).isNotBlank();
            assertThat(storedKey(uuid)).isEqualTo(elsewhere.apiKey());
        }
    }

    /** The key as it is, and as JSON would escape it. */
    private static List<String> forms(String key) {
        return List.of(
                key,
                key.replace("\\", "\\\\")
                        .replace("\n", "\\n")
                        .replace("\t", "\\t")
                        .replace("\"", "\\\"")
                        .replace("\u0000", "\\u0000"));
    }

    private String legacySettings(String apiUrl, String key) {
        UUID uuid = UUID.randomUUID();
        jdbc.sql("""
                        insert into arrow_settings (uuid, api_url, api_key, export_type_reference, is_active, created, modified)
                        values (?, ?, ?, 'DJ284LDZ-standard', false, now(), now())""").params(uuid, apiUrl, key).update();
        return Uuids.hex(uuid);
    }

    private long settingsCount() {
        return jdbc.sql("select count(*) from arrow_settings").query(Long.class).single();
    }

    private String storedKey(String uuid) {
        return settings.named(Uuids.fromPath(uuid)).apiKey();
    }
}
