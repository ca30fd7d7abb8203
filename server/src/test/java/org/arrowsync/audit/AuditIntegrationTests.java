package org.arrowsync.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.Api;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.RawHttp;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every request that may change something leaves one audit entry, secrets masked; the log itself cannot change. */
class AuditIntegrationTests extends IntegrationTest {

    private static final String LOG = "/api/admin/audit-log/";
    private static final List<String> CHANGES = List.of("post", "put", "patch", "delete");

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    /**
     * Each write operation of the served API description, refused (a malformed body, an unknown uuid: nothing changes),
     * writes exactly one entry, named as the description names the operation, with the request's id and status.
     */
    @Test
    void everyOperationThatMayChangeSomethingWritesOneEntry() {
        JsonNode paths = api.get("/api/schema/").expect(200).json().get("paths");
        Instant start = TestClock.now().minusSeconds(1);
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : CHANGES) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String action = operation.get("operationId").asString();
                String requestId = "audit-" + UUID.randomUUID();
                // each uuid of the path its own: the entry's target is the last, what the path acts on
                Matcher variables = Pattern.compile("\\{[^}]+}").matcher(path.getKey());
                List<String> named = new ArrayList<>();
                String url = variables.replaceAll(variable -> {
                    named.add(Uuids.hex(UUID.randomUUID()));
                    return named.get(named.size() - 1);
                });
                Response answer = api.withHeader("X-Request-Id", requestId).send(method.toUpperCase(), url, "{");
                assertThat(answer.status()).as(method + " " + url).isBetween(400, 499);
                assertThat(answer.header("X-Request-Id")).isEqualTo(requestId);

                List<JsonNode> entries = new ArrayList<>();
                api.get(LOG + "?action=" + action + "&created_from=" + start + "&page_size=300")
                        .expect(200)
                        .json()
                        .forEach(entry -> {
                            if (entry.get("request_id").asString().equals(requestId)) {
                                entries.add(entry);
                            }
                        });
                assertThat(entries).as(action).hasSize(1);
                JsonNode entry = entries.get(0);
                assertThat(entry.get("actor").asString()).isEqualTo("admin");
                assertThat(entry.get("status").asInt()).isEqualTo(answer.status());
                assertThat(entry.get("request").get("method").asString()).isEqualTo(method.toUpperCase());
                if (!named.isEmpty()) {
                    assertThat(entry.get("target_uuid").asString()).as(action).isEqualTo(named.get(named.size() - 1));
                }
                checked.add(action);
            }
        }
        assertThat(checked)
                .as("the settings, mappings, vendor mappings, ledger, users, triggers and webhooks all write")
                .contains(
                        "admin_arrow_settings_create",
                        "admin_arrow_customer_mappings_destroy",
                        "admin_arrow_vendor_offering_mappings_partial_update",
                        "customers_update",
                        "marketplace_resources_destroy",
                        "users_create",
                        "invoices_set_state",
                        "admin_arrow_billing_syncs_trigger_sync",
                        "admin_arrow_billing_syncs_reconcile",
                        "admin_arrow_billing_syncs_pause_sync",
                        "admin_arrow_billing_syncs_resume_sync",
                        "admin_arrow_billing_syncs_cleanup_consumption",
                        "admin_webhooks_create",
                        "admin_webhooks_deliveries_redeliver");
    }

    /**
     * A download of all data is recorded as a change is, with who took it and why; an ordinary read is not, nor a HEAD.
     */
    @Test
    void aBackupDownloadIsRecordedAndAListReadIsNot() {
        String action = api.get("/api/schema/")
                .expect(200)
                .json()
                .get("paths")
                .get("/api/admin/backup/")
                .get("get")
                .get("operationId")
                .asString();
        String downloaded = "backup-" + UUID.randomUUID();
        String read = "read-" + UUID.randomUUID();
        Instant start = TestClock.now().minusSeconds(1);

        api.withHeader("X-Request-Id", downloaded)
                .withHeader("X-Reason", "ticket OPS-7: copy for the auditors")
                .get("/api/admin/backup/")
                .expect(200);
        api.withHeader("X-Request-Id", read).get("/api/customers/").expect(200);
        assertThat(RawHttp.exchange(
                        port,
                        "HEAD /api/admin/backup/ HTTP/1.1",
                        "Authorization: Token " + Api.ADMIN_TOKEN,
                        "X-Request-Id: " + read))
                .as("a HEAD hands nothing out")
                .startsWith("HTTP/1.1 200");

        JsonNode entries = api.get(LOG + "?created_from=" + start + "&page_size=300")
                .expect(200)
                .json();
        assertThat(entries.findValuesAsString("request_id"))
                .contains(downloaded)
                .doesNotContain(read);
        JsonNode entry = api.get(LOG + "?action=" + action + "&created_from=" + start)
                .expect(200)
                .json()
                .get(0);
        assertThat(entry.get("request_id").asString()).isEqualTo(downloaded);
        assertThat(entry.get("actor").asString()).isEqualTo("admin");
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(entry.get("reason").asString()).isEqualTo("ticket OPS-7: copy for the auditors");
        assertThat(entry.get("request").get("method").asString()).isEqualTo("GET");
    }

    @Test
    void anEntryTellsWhoDidWhatToWhichObjectFromWhereAndWhy() {
        String requestId = "create-" + UUID.randomUUID();
        String name = ArrowFixture.unique("Audited");
        String customer = api.withHeader("X-Request-Id", requestId)
                .withHeader("X-Reason", "ticket OPS-42: new reseller customer")
                .post("/api/customers/", Map.of("name", name))
                .expect(201)
                .text("uuid");

        JsonNode entries = api.get(LOG + "?target_uuid=" + customer).expect(200).json();
        assertThat(entries.size()).isEqualTo(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("actor").asString()).isEqualTo("admin");
        assertThat(entry.get("action").asString()).isEqualTo("customers_create");
        assertThat(entry.get("target_uuid").asString()).isEqualTo(customer);
        assertThat(entry.get("status").asInt()).isEqualTo(201);
        assertThat(entry.get("client_address").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(entry.get("request_id").asString()).isEqualTo(requestId);
        assertThat(entry.get("reason").asString()).isEqualTo("ticket OPS-42: new reseller customer");
        assertThat(entry.get("request").get("path").asString()).isEqualTo("/api/customers/");
        assertThat(entry.get("request").get("body").get("name").asString()).isEqualTo(name);
        assertThat(Instant.parse(entry.get("created").asString()))
                .isBefore(TestClock.now().plusSeconds(1));

        String changed = api.patch("/api/customers/" + customer + "/", Map.of("name", name + " Ltd"))
                .expect(200)
                .text("uuid");
        api.delete("/api/customers/" + changed + "/").expect(204);
        JsonNode history = api.get(LOG + "?target_uuid=" + customer).expect(200).json();
        assertThat(history.findValuesAsString("action"))
                .as("newest first")
                .containsExactly("customers_destroy", "customers_partial_update", "customers_create");
        assertThat(api.get(LOG + "?target_uuid=" + customer + "&action=customers_destroy")
                        .expect(200)
                        .header("X-Result-Count"))
                .isEqualTo("1");
        assertThat(api.get(LOG + "?target_uuid=" + customer + "&created_to=2000-01-01")
                        .expect(200)
                        .json()
                        .size())
                .isZero();
        api.get(LOG + "?created_from=yesterday").expect(400);
        // instants Java reads and PostgreSQL's timestamps do not hold: refused as dates past 9999 are
        api.get(LOG + "?created_from=%2B999999999-01-01T00:00:00Z").expect(400);
        api.get(LOG + "?created_to=%2B294277-01-01T00:00:00Z").expect(400);
        api.get(LOG + "?created_to=-4714-01-01T00:00:00Z").expect(400);
        api.get(LOG + "?created_from=%2B999999999-12-31T23:59:59-18:00").expect(400);
        api.get(LOG + "?created_to=-999999999-01-01T00:00:00%2B18:00").expect(400);
        api.get(LOG + entry.get("uuid").asString() + "/").expect(200);
    }

    @Test
    void aQueuedJobNamesTheEntryOfTheRequestThatQueuedIt() {
        Response accepted = api.withHeader("X-Reason", "re-run after the fix")
                .post("/api/admin/arrow/billing-syncs/trigger_sync/", fixture.period(TestClock.closedMonth()))
                .expect(202);
        String job = accepted.text("uuid");
        JsonNode entry = api.get(LOG + "?target_uuid=" + job).expect(200).json().get(0);
        assertThat(entry.get("action").asString()).isEqualTo("admin_arrow_billing_syncs_trigger_sync");
        assertThat(entry.get("reason").asString()).isEqualTo("re-run after the fix");
        assertThat(fixture.awaitJob(accepted).get("audit_entry").asString())
                .isEqualTo(entry.get("uuid").asString());
    }

    /** A reason in UTF-8, as clients send a header, is kept as written; one in ISO-8859-1 is kept as read. */
    @Test
    void aReasonWithAccentsIsRecordedAsWritten() {
        String written = "réduction accordée: ticket №7, 12 € de Grüße";
        assertThat(reasonRecorded(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(written);
        assertThat(reasonRecorded("remise accordée".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("remise accordée");
    }

    /** The reason the log records for a customer created with these bytes as its X-Reason (a socket sends them raw). */
    private String reasonRecorded(byte[] reason) {
        byte[] body = ("{\"name\": \"" + ArrowFixture.unique("Reasoned") + "\"}").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /api/customers/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Token "
                        + Api.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\nX-Reason: ")
                .getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(reason);
        request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        String answer = RawHttp.exchange(port, request.toByteArray());
        assertThat(answer).startsWith("HTTP/1.1 201");
        Matcher uuid = Pattern.compile("\"uuid\":\"([0-9a-f-]{32,36})\"").matcher(answer);
        assertThat(uuid.find()).as(answer).isTrue();
        return api.get(LOG + "?target_uuid=" + uuid.group(1))
                .expect(200)
                .json()
                .get(0)
                .get("reason")
                .asString();
    }

    @Test
    void secretsInARequestAreMaskedInItsEntry() {
        String apiKey = "audit-secret-api-key-" + UUID.randomUUID();
        api.post(
                        "/api/admin/arrow/settings/",
                        Map.of(
                                "api_url",
                                "http://127.0.0.1:9/",
                                "api_key",
                                apiKey,
                                "export_type_reference",
                                "unused",
                                "is_active",
                                false))
                .expect(201);
        String token = api.post("/api/users/", Map.of("username", "audited-" + UUID.randomUUID(), "is_staff", false))
                .expect(201)
                .text("token");
        String secret = "audit-webhook-secret-" + UUID.randomUUID();
        api.post(
                        "/api/admin/webhooks/",
                        Map.of(
                                "url",
                                "https://alerts.example/hook",
                                "event_types",
                                List.of("job.failed"),
                                "secret",
                                secret,
                                "is_active",
                                false))
                .expect(201);

        // A JSON body sent as a form (curl -d without a JSON Content-Type) is one parameter named by the whole text
        String formKey = "audit-form-api-key-" + UUID.randomUUID();
        api.sendRaw(
                        "PATCH",
                        "/api/admin/arrow/settings/" + UUID.randomUUID() + "/",
                        Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        "{\"api_key\": \"" + formKey + "\"}")
                .expect(415);

        // A URL can carry a password (user info) or a key in its query, refused as it may be (D43)
        String urlPassword = "audit-url-password-" + UUID.randomUUID();
        String urlKey = "audit-url-key-" + UUID.randomUUID();
        api.post(
                        "/api/admin/arrow/settings/validate_credentials/",
                        Map.of(
                                "api_url",
                                "https://arrowuser:" + urlPassword + "@arrow.example/index.php/api/?apiKey=" + urlKey
                                        + "&page=1",
                                "api_key",
                                "a-key-of-8-or-more"))
                .expect(400);

        String log = api.get(LOG + "?page_size=300").expect(200).body();
        assertThat(log).contains("https://arrowuser:****@arrow.example/index.php/api/?apiKey=****&page=1");
        assertThat(log)
                .doesNotContain(urlPassword)
                .doesNotContain(urlKey)
                .doesNotContain(apiKey)
                .doesNotContain(token)
                .doesNotContain(secret)
                .doesNotContain(formKey);
        JsonNode settings = api.get(LOG + "?action=admin_arrow_settings_create&page_size=1")
                .expect(200)
                .json()
                .get(0);
        assertThat(settings.get("request").get("body").get("api_key").asString())
                .isEqualTo("****");
        assertThat(settings.get("request").get("body").get("api_url").asString())
                .isEqualTo("http://127.0.0.1:9/");
        assertThat(Api.parse(log).findValuesAsString("actor")).doesNotContain(Api.ADMIN_TOKEN);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() {
        api.post("/api/customers/", Map.of("name", ArrowFixture.unique("Kept"))).expect(201);
        assertThatThrownBy(() ->
                        jdbc.sql("update audit_log set reason = 'rewritten'").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("audit_log is append-only: UPDATE is refused");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("audit_log is append-only: DELETE is refused");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("audit_log is append-only: TRUNCATE is refused");
        api.send("DELETE", LOG, null).expect(405);
    }

    @Test
    void onlyStaffReadTheLog() {
        String user = fixture.userToken();
        api.as(user).get(LOG).expect(403);
        api.anonymous().get(LOG).expect(401);
    }
}
