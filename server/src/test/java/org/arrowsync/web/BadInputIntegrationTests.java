package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Whatever shape a request takes, the answer is a 4xx with a JSON body, never a 500 or a stack trace. */
class BadInputIntegrationTests extends IntegrationTest {

    private static final List<String> CREATE_ENDPOINTS = List.of(
            "/api/customers/",
            "/api/projects/",
            "/api/marketplace-public-offerings/",
            "/api/marketplace-resources/",
            "/api/users/");

    private static final List<String> BAD_BODIES = List.of(
            "{not json",
            "[]",
            "\"text\"",
            "42",
            "{\"name\": {\"nested\": true}}",
            "{\"name\": [1, 2]}",
            "{\"components\": \"x\", \"plans\": 5, \"attributes\": 1}",
            "null",
            "");

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    InvoiceService invoices;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCreateEndpointAnswersBadBodiesWithA400() {
        for (String endpoint : CREATE_ENDPOINTS) {
            for (String body : BAD_BODIES) {
                Response response = api.send("POST", endpoint, body);
                assertThat(response.status())
                        .as("POST %s with %s", endpoint, body)
                        .isEqualTo(400);
                assertThat(response.json())
                        .as("POST %s with %s", endpoint, body)
                        .isNotNull();
                assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
            }
        }
    }

    /**
     * D150: a text the API description gives {@code minLength: 1} is refused blank, also where leaving it out picks a
     * default (the settings' classification, the last months, the license's reference for its name).
     */
    @Test
    void blankTextsTheDescriptionBoundsAreRefusedNamingTheField() {
        String settings = fixture.settings();
        String mapping =
                fixture.mapping(fixture.mapAllCustomers().keySet().iterator().next());
        String triggers = "/api/admin/arrow/billing-syncs/";
        Map<String, Map<String, Object>> blanks = Map.of(
                triggers + "fetch_billing_export/",
                Map.of("period_from", "2026-01", "period_to", "2026-01", "classification", ""),
                "/api/admin/arrow/customer-mappings/" + mapping + "/import_license/",
                Map.of(
                        "license_reference",
                        "XSP1",
                        "license_name",
                        " ",
                        "offering_uuid",
                        UUID.randomUUID().toString(),
                        "project_uuid",
                        UUID.randomUUID().toString()),
                triggers + "sync_resource_historical_consumption/",
                Map.of("resource_uuid", UUID.randomUUID().toString(), "period_from", "", "dry_run", true),
                triggers + "sync_resources/",
                Map.of("settings_uuid", settings, "period_to", ""));

        blanks.forEach((path, body) -> {
            String field = body.entrySet().stream()
                    .filter(entry -> entry.getValue() instanceof String text && text.isBlank())
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();
            JsonNode refused = api.post(path, body).expect(400).json();
            assertThat(refused.get(field).get(0).asString()).as(path).isEqualTo("This field may not be blank.");
        });
    }

    /**
     * A text past what its field holds is refused before it reaches Arrow (a URL, a query), and a refusal quotes at
     * most the start of a value it names, never 100,000 characters back.
     */
    @Test
    void longTextsAreRefusedBeforeArrowAndNotEchoedWhole() {
        fixture.settings();
        String triggers = "/api/admin/arrow/billing-syncs/";
        String reference = "XSP" + "9".repeat(300);
        Map<String, Map<String, Object>> tooLong = Map.of(
                triggers + "fetch_license_info/",
                Map.of("license_reference", reference),
                triggers + "fetch_consumption/",
                Map.of("license_reference", reference, "period", "2026-01"),
                triggers + "fetch_billing_export/",
                Map.of("period_from", "2026-01", "period_to", "2026-01", "classification", "S".repeat(51)),
                "/api/admin/arrow/settings/preview_settings/",
                Map.of(
                        "api_url", fixture.emulator().apiUrl(),
                        "api_key", fixture.emulator().apiKey(),
                        "export_type_reference", "E".repeat(256)));
        fixture.emulator().resetStats();

        tooLong.forEach((path, body) -> {
            JsonNode refused = api.post(path, body).expect(400).json();
            assertThat(refused.properties().iterator().next().getValue().get(0).asString())
                    .as(path)
                    .startsWith("Ensure this field has no more than");
        });
        assertThat(fixture.emulator().requests("licenses") + fixture.emulator().requests("exports"))
                .as("nothing asked of Arrow")
                .isZero();

        UUID invoice = invoices.invoiceFor(Uuids.fromPath(fixture.customer()), YearMonth.of(2026, 1))
                .uuid();
        Response refused = api.post("/api/invoices/" + invoice + "/set_state/", Map.of("state", "x".repeat(100_000)))
                .expect(400);
        assertThat(refused.body().length()).isLessThan(200);
        Response notAChoice =
                api.get("/api/invoices/?state=" + "y".repeat(5_000)).expect(400);
        assertThat(notAChoice.body().length()).isLessThan(300);
    }

    @Test
    void updatesAnswerBadBodiesWithA400() {
        String customer = fixture.customer();
        String project = fixture.project(customer);
        String offering = fixture.offering().text("uuid");
        String resource = fixture.resource(project, offering);
        for (String path : List.of(
                "/api/customers/" + customer + "/",
                "/api/projects/" + project + "/",
                "/api/marketplace-resources/" + resource + "/")) {
            for (String body : BAD_BODIES.stream()
                    .filter(body -> !body.contains("components"))
                    .toList()) {
                // an empty PATCH is DRF's empty object: aPatchWithoutABodyChangesNothingWhateverItsContentType
                assertThat(api.send("PATCH", path, body).status())
                        .as("PATCH %s with %s", path, body)
                        .isEqualTo(body.isEmpty() ? 200 : 400);
                assertThat(api.send("PUT", path, body).status())
                        .as("PUT %s with %s", path, body)
                        .isEqualTo(400);
            }
        }
    }

    /**
     * A resource's Arrow license reference is matched exactly by both billing paths: one with spaces around it, or not
     * text, is a 400 naming it, and no resource is written.
     */
    @Test
    void aLicenseReferenceThatNoPathWouldMatchIsRefused() {
        String project = fixture.project(fixture.customer());
        String offering = fixture.offering().text("uuid");
        String name = ArrowFixture.unique("Spaced license");
        for (Object reference : List.of(" XSP1001", "XSP1001 ", Map.of("id", "XSP1001"))) {
            JsonNode refused = api.post(
                            "/api/marketplace-resources/",
                            Map.of(
                                    "name",
                                    name,
                                    "project",
                                    project,
                                    "offering",
                                    offering,
                                    "attributes",
                                    Map.of("arrow_license_reference", reference)))
                    .expect(400)
                    .json();
            assertThat(refused.get("attributes")
                            .get("arrow_license_reference")
                            .get(0)
                            .asString())
                    .as("%s", reference)
                    .isIn(
                            "Remove the spaces around the license reference.",
                            "Must be a string: the Arrow license reference.");
        }
        assertThat(api.get("/api/marketplace-resources/?name=" + name.replace(' ', '+'))
                        .expect(200)
                        .json()
                        .size())
                .isZero();
        fixture.licensedResource(project, offering, "XSP1001");
    }

    @Test
    void aBodyThatIsNullIsRefusedNotTakenForNoBody() {
        String status = "/api/admin/arrow/billing-syncs/consumption_status/";
        String before = api.get(status).expect(200).body();
        JsonNode refused = api.send("POST", "/api/admin/arrow/billing-syncs/pause_sync/", "null")
                .expect(400)
                .json();
        assertThat(refused.get("non_field_errors").get(0).asString()).isEqualTo("No data provided");
        assertThat(api.get(status).expect(200).body()).as("nothing was paused").isEqualTo(before);
    }

    /** A contract body that is JSON but not an object is refused in DRF's words, naming what came. */
    @Test
    void aBodyThatIsNotAnObjectIsRefusedNamingWhatCame() {
        String trigger = "/api/admin/arrow/billing-syncs/trigger_sync/";
        Map<String, String> kinds =
                Map.of("[]", "list", "\"2026-01\"", "str", "2026", "int", "1.5", "float", "true", "bool");
        kinds.forEach((body, kind) -> assertThat(api.send("POST", trigger, body)
                        .expect(400)
                        .json()
                        .get("non_field_errors")
                        .get(0)
                        .asString())
                .as(body)
                .isEqualTo("Invalid data. Expected a dictionary, but got " + kind + "."));
        for (String body : kinds.keySet()) {
            assertThat(api.send("POST", "/api/customers/", body).expect(400).text("detail"))
                    .as("elsewhere, " + body)
                    .isEqualTo("Invalid data: the request body must be a JSON object.");
        }
    }

    /** Text fields refuse a boolean, a list or an object, and JSON past the reader's limits is said to be so. */
    @Test
    void aTextFieldGivenAnythingButTextAndJsonPastALimitAreRefusedInWords() {
        String rules = "/api/admin/arrow/price-rules/";
        for (String value : List.of("[\"Microsoft\"]", "{\"a\": 1}", "true")) {
            assertThat(api.send(
                                    "POST",
                                    rules,
                                    "{\"settings\": \"00000000000000000000000000000000\", \"arrow_vendor_name\": "
                                            + value + ", \"base\": \"sell\", \"markup_percent\": \"10\","
                                            + " \"valid_from\": \"2026-01\"}")
                            .expect(400)
                            .json()
                            .get("arrow_vendor_name")
                            .get(0)
                            .asString())
                    .as(value)
                    .isEqualTo("Not a valid string.");
        }
        assertThat(api.send("POST", "/api/users/", "{\"username\": [\"x\"]}")
                        .expect(400)
                        .json()
                        .get("username")
                        .get(0)
                        .asString())
                .isEqualTo("Not a valid string.");
        assertThat(api.send(
                                "POST",
                                "/api/admin/arrow/billing-syncs/trigger_sync/",
                                "{\"year\": " + "1".repeat(2000) + "}")
                        .expect(400)
                        .text("detail"))
                .isEqualTo("The request body is past a limit of the JSON read: a number, or a text given for a number,"
                        + " too long to read.");
        assertThat(api.send(
                                "POST",
                                "/api/admin/arrow/billing-syncs/trigger_sync/",
                                "{\"year\": \"" + "1".repeat(2000) + "\"}")
                        .expect(400)
                        .text("detail"))
                .doesNotContain("StreamReadConstraints");
        assertThat(api.send(
                                "POST",
                                "/api/admin/arrow/billing-syncs/trigger_sync/",
                                "{\"year\": 2026, \"notes\": " + "[".repeat(2000) + "]".repeat(2000) + "}")
                        .expect(400)
                        .text("detail"))
                .isEqualTo("The request body is past a limit of the JSON read: values nested too deep.");
    }

    /** A path's uuid is taken only as written: with blanks around it, it names nothing. */
    @Test
    void aUuidWithBlanksInThePathNamesNothing() {
        String customer = api.post("/api/customers/", Map.of("name", ArrowFixture.unique("Blank")))
                .expect(201)
                .text("uuid");
        api.get("/api/customers/%20" + customer + "/").expect(404);
        api.get("/api/customers/" + customer + "/").expect(200);
    }

    /** A PATCH without a body is DRF's empty object on every endpoint: nothing changes, with or without a type. */
    @Test
    void aPatchWithoutABodyChangesNothingWhateverItsContentType() {
        String customer = api.post("/api/customers/", Map.of("name", "Unpatched Ltd", "country", "EE"))
                .expect(201)
                .text("uuid");
        String path = "/api/customers/" + customer + "/";
        for (Response patched : List.of(
                api.patch(path, null),
                api.sendRaw("PATCH", path, Map.of("Content-Type", "application/json"), ""),
                api.sendRaw("PATCH", path, Map.of("Content-Type", "application/json; charset=utf-8"), ""))) {
            patched.expect(200);
            assertThat(patched.text("name")).isEqualTo("Unpatched Ltd");
            assertThat(patched.text("country")).isEqualTo("EE");
        }
        api.sendRaw("PATCH", path, Map.of("Content-Type", "text/plain"), "").expect(415);
    }

    /**
     * A create whose check found the customer it names, but whose write comes after another request deleted that
     * customer, is the 400 of a link to nothing, not a 500, and stores nothing.
     */
    @Test
    void aCreateThatLosesARaceWithTheDeletionOfWhatItNamesIsA400() throws Exception {
        String customer = newCustomer("Racing");
        String project = ArrowFixture.unique("Racing project");

        // the project's key waits on the deleted row until the delete commits
        Response created = whileUncommitted(
                "delete from customers where uuid = ?::uuid",
                List.of(customer),
                () -> api.post("/api/projects/", Map.of("name", project, "customer", customer)),
                "projects");

        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.json().get("non_field_errors").get(0).asString())
                .isEqualTo("Invalid hyperlink - Object does not exist.");
        assertThat(projectsNamed(project)).isZero();
    }

    /**
     * A delete whose check ran as a child of what it deletes was being written sees the child once it is committed: the
     * 409 of a customer with projects, not a 204 whose cascade takes the project answered 201 away.
     */
    @Test
    void aDeleteRacingTheCreateOfAChildSeesTheChild() throws Exception {
        String customer = newCustomer("Raced");
        String project = ArrowFixture.unique("Raced project");

        // the customer's lock waits on the project's key until the insert commits
        Response deleted = whileUncommitted(
                """
                insert into projects (uuid, customer_id, name, created, modified)
                select gen_random_uuid(), id, ?, now(), now() from customers where uuid = ?::uuid""", List.of(project, customer), () -> api.delete("/api/customers/" + customer + "/"), "customers");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(409);
        assertThat(projectsNamed(project)).isOne();
    }

    /**
     * Sends {@code request} while another transaction has run {@code sql} (changing one row) and not committed; commits
     * once a statement naming {@code waiting} waits for a lock (at most 5 s), and returns the answer.
     */
    private Response whileUncommitted(String sql, List<String> params, Supplier<Response> request, String waiting)
            throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement statement = other.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    statement.setString(i + 1, params.get(i));
                }
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(request);
            for (int i = 0; i < 200 && !answer.isDone() && !waitingOnALock(waiting); i++) {
                Thread.sleep(50);
            }
            // the race is played only if the request came to wait on the uncommitted row
            assertThat(waitingOnALock(waiting))
                    .as("a statement naming %s waits", waiting)
                    .isTrue();
            other.commit();
            return answer.get(30, TimeUnit.SECONDS);
        }
    }

    /** Whether another session's statement naming {@code table} waits for a lock. */
    private boolean waitingOnALock(String table) {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity where wait_event_type = 'Lock' and state = 'active'
                        and pid <> pg_backend_pid() and query like ?""").param("% " + table + " %").query(Long.class).single() > 0;
    }

    private String newCustomer(String name) {
        return api.post("/api/customers/", Map.of("name", ArrowFixture.unique(name), "country", "EE"))
                .expect(201)
                .text("uuid");
    }

    private long projectsNamed(String name) {
        return jdbc.sql("select count(*) from projects where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    /** A choice filter given none of its values is Django's 400, not an empty list that reads as "none". */
    @Test
    void aChoiceFilterGivenNoneOfItsValuesIsRefused() {
        String webhook = api.post(
                        "/api/admin/webhooks/",
                        Map.of(
                                "url",
                                "https://alerts.example/hook",
                                "event_types",
                                List.of("job.failed"),
                                "secret",
                                "a-secret-of-sixteen-characters"))
                .expect(201)
                .text("uuid");
        Map<String, String> filtered = Map.of(
                "/api/invoices/?state=",
                "pending",
                "/api/marketplace-resources/?state=",
                "OK",
                "/api/admin/arrow/jobs/?state=",
                "succeeded",
                "/api/admin/arrow/jobs/?kind=",
                "billing_sync",
                "/api/admin/webhooks/" + webhook + "/deliveries/?state=",
                "delivered");
        filtered.forEach((list, value) -> {
            api.get(list + value).expect(200);
            JsonNode refused = api.get(list + "abc").expect(400).json();
            String field = list.substring(list.indexOf('?') + 1, list.length() - 1);
            assertThat(refused.get(field).get(0).asString())
                    .as(list)
                    .isEqualTo("Select a valid choice. abc is not one of the available choices.");
        });
    }

    @Test
    void wrongMethodsAre405() {
        Response response = api.send("DELETE", "/api/customers/", null).expect(405);
        assertThat(response.json().get("detail").asString()).contains("DELETE");
        assertThat(response.header("Allow")).contains("GET").doesNotContain("DELETE");
        api.send("PUT", "/api/invoice-items/", "{}").expect(405);
        api.send("POST", "/api/invoices/", "{}").expect(405);
        assertThat(api.send("DELETE", "/api/admin/arrow/billing-syncs/5948a8d2877c45e7806a85ca7978022f/", null)
                        .expect(405)
                        .header("Allow"))
                .as("an object's path names HEAD and OPTIONS beside GET, as the OPTIONS answer there does")
                .isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void anActionsPathTakesOnlyItsMethodsNotAnObjectsOfThatName() {
        for (String action : List.of(
                "/api/admin/arrow/billing-syncs/trigger_sync/",
                "/api/admin/arrow/billing-syncs/pause_sync/",
                "/api/admin/arrow/settings/validate_credentials/",
                "/api/admin/arrow/customer-mappings/sync_from_arrow/")) {
            Response response = api.get(action).expect(405);
            assertThat(response.json().get("detail").asString()).as(action).isEqualTo("Method \"GET\" not allowed.");
            assertThat(response.header("Allow")).as(action).isEqualTo("POST, OPTIONS");
            assertThat(api.send("OPTIONS", action, null).expect(200).header("Allow"))
                    .as("OPTIONS on " + action)
                    .isEqualTo("POST, OPTIONS");
        }
        assertThat(api.send("DELETE", "/api/admin/arrow/billing-syncs/trigger_sync/", null)
                        .expect(405)
                        .header("Allow"))
                .as("the action's methods only, not the object's")
                .isEqualTo("POST, OPTIONS");
        // an object's path is still its own, and a name that is no object's is still not found
        api.get("/api/admin/arrow/billing-syncs/not_an_action/").expect(404);
    }

    @Test
    void resourcesValidateTheirLinksAndJson() {
        String project = fixture.project(fixture.customer());
        String offering = fixture.offering().text("uuid");
        String foreignPlan =
                fixture.offering().json().get("plans").get(0).get("uuid").asString();

        Response wrongPlan = api.post(
                        "/api/marketplace-resources/",
                        Map.of("name", "R", "project", project, "offering", offering, "plan", foreignPlan))
                .expect(400);
        assertThat(wrongPlan.json().get("plan").get(0).asString())
                .isEqualTo("Plan must belong to the selected offering.");
        String nothing = UUID.randomUUID().toString();
        Response unknownPlan = api.post(
                        "/api/marketplace-resources/",
                        Map.of("name", "R", "project", project, "offering", nothing, "plan", nothing))
                .expect(400);
        assertThat(unknownPlan.json().get("plan").get(0).asString())
                .as("each related field is checked alone")
                .isEqualTo("Invalid hyperlink - Object does not exist.");
        assertThat(unknownPlan.json().get("offering").get(0).asString())
                .isEqualTo("Invalid hyperlink - Object does not exist.");

        Response badJson = api.post(
                        "/api/marketplace-resources/",
                        Map.of(
                                "name",
                                "R",
                                "project",
                                project,
                                "offering",
                                offering,
                                "attributes",
                                List.of(1),
                                "report",
                                Map.of("a", 1)))
                .expect(400);
        assertThat(badJson.json().has("attributes")).isTrue();
        assertThat(badJson.json().has("report")).isTrue();

        Response badState = api.post(
                        "/api/marketplace-resources/",
                        Map.of("name", "R", "project", project, "offering", offering, "state", "Sleeping"))
                .expect(400);
        assertThat(badState.json().has("state")).isTrue();

        String name = ArrowFixture.unique("offering");
        Response badOffering = api.post(
                        "/api/marketplace-public-offerings/",
                        Map.of("name", name, "type", "T".repeat(101), "state", "Sleeping"))
                .expect(400);
        assertThat(badOffering.json().has("type")).isTrue();
        assertThat(badOffering.json().has("state")).isTrue();
        assertThat(api.get("/api/marketplace-public-offerings/?name=" + name.replace(" ", "%20"))
                        .expect(200)
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void deletingACustomerThatHasProjectsIsRefusedAndLosesNothing() {
        String customer = fixture.customer();
        fixture.project(customer);
        Response refused = api.delete("/api/customers/" + customer + "/").expect(409);
        assertThat(refused.json().get("error").asString()).contains("projects");
        api.get("/api/customers/" + customer + "/").expect(200);
    }
}
