package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UuidFormsIntegrationTests extends IntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void pathsAcceptHexAndDashedUuids() {
        String hex = fixture.customer();
        String dashed = UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"))
                .toString();
        assertThat(api.get("/api/customers/" + hex + "/").expect(200).text("uuid"))
                .isEqualTo(hex);
        assertThat(api.get("/api/customers/" + dashed + "/").expect(200).text("uuid"))
                .isEqualTo(hex);
        assertThat(api.get("/api/customers/" + hex.toUpperCase() + "/")
                        .expect(200)
                        .text("uuid"))
                .isEqualTo(hex);
    }

    @Test
    void unknownOrMalformedUuidsInPathsAreNotFound() {
        Response unknown = api.get("/api/customers/" + UUID.randomUUID() + "/").expect(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Not found.");
        api.get("/api/customers/not-a-uuid/").expect(404);
        api.get("/api/invoices/12345/").expect(404);
        api.post("/api/invoices/zzz/set_state/", Map.of("state", "created")).expect(404);
    }

    @Test
    void malformedUuidsInBodiesAreBadRequestsNamingTheField() {
        Response response = api.post("/api/projects/", Map.of("name", "P", "customer", "not-a-uuid"))
                .expect(400);
        assertThat(response.json().has("customer")).isTrue();
    }

    /**
     * D148: an action's optional uuid given blank is a 400 naming the field, not the absent field that would widen the
     * action to every resource, customer or settings record; nothing is queued or deleted.
     */
    @Test
    void blankUuidsInActionBodiesAreBadRequestsNamingTheField() {
        YearMonth closed = TestClock.closedMonth();
        fixture.trackedResources(1);
        fixture.syncConsumption(closed);
        String month = closed.toString();
        long jobs = total("/api/admin/arrow/jobs/");
        long records = total("/api/admin/arrow/consumption-records/");
        assertThat(records).as("records a cleanup of everything would delete").isPositive();
        String triggers = "/api/admin/arrow/billing-syncs/";
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        bodies.put(triggers + "trigger_sync/", Map.of("year", 2026, "month", 1, "resource_uuid", ""));
        bodies.put(triggers + "trigger_consumption_sync/", Map.of("year", 2026, "month", 1, "resource_uuid", ""));
        bodies.put(triggers + "reconcile/", Map.of("year", 2026, "month", 1, "settings_uuid", ""));
        bodies.put(triggers + "trigger_reconciliation/", Map.of("year", 2026, "month", 1, "settings_uuid", ""));
        bodies.put(triggers + "resume_sync/", Map.of("settings_uuid", ""));
        bodies.put("/api/admin/arrow/customer-mappings/sync_from_arrow/", Map.of("settings_uuid", ""));
        bodies.put(triggers + "reconcile_preview/", Map.of("year", 2026, "month", 1, "settings_uuid", " "));
        bodies.put(triggers + "pause_sync/", Map.of("settings_uuid", ""));
        bodies.put(triggers + "sync_resources/", Map.of("project_uuid", ""));
        bodies.put(
                triggers + "cleanup_consumption/",
                Map.of("period_from", month, "period_to", month, "resource_uuid", "", "dry_run", false));
        bodies.put(
                "/api/admin/arrow/price-rules/reprice/", Map.of("period", month, "customer_uuid", "", "confirm", true));

        bodies.forEach((path, body) -> {
            String field = body.keySet().stream()
                    .filter(name -> name.endsWith("_uuid"))
                    .findFirst()
                    .orElseThrow();
            Response refused = api.post(path, body).expect(400);
            assertThat(refused.json().has(field))
                    .as(path + ": " + refused.body())
                    .isTrue();
        });
        Response blankMonth = api.post(
                        triggers + "cleanup_consumption/", Map.of("period_from", "", "period_to", "", "dry_run", false))
                .expect(400);
        assertThat(blankMonth.json().get("period_from").get(0).asString()).isEqualTo("This field may not be blank.");
        assertThat(blankMonth.json().has("period_to")).isTrue();

        assertThat(total("/api/admin/arrow/jobs/")).as("nothing queued").isEqualTo(jobs);
        assertThat(total("/api/admin/arrow/consumption-records/"))
                .as("nothing deleted")
                .isEqualTo(records);
    }

    private long total(String list) {
        return Long.parseLong(api.get(list).expect(200).header("X-Result-Count"));
    }

    @Test
    void bodiesAcceptHyperlinksForLinkedObjects() {
        String customer = fixture.customer();
        String link = "http://localhost:" + port + "/api/customers/" + customer + "/";
        Response project = api.post("/api/projects/", Map.of("name", "Linked", "customer", link))
                .expect(201);
        assertThat(project.text("customer_uuid")).isEqualTo(customer);
    }
}
