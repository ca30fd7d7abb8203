package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.arrowsync.contract.Contract;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The synchronous billing actions: export and license look-ups, resource sync, the billing summary, read-only lists.
 */
class BillingActionsIntegrationTests extends IntegrationTest {

    static final String BASE = "/api/admin/arrow/billing-syncs/";
    static final YearMonth MONTH = TestClock.closedMonth();

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;

    @BeforeEach
    void activeSettings() {
        // The look-ups use the active settings, as the reference does.
        settings = fixture.activeSettings();
    }

    @Test
    void fetchBillingExportCountsEveryRowAndShowsTheFirstHundred() {
        Response iaas = api.post(
                        BASE + "fetch_billing_export/",
                        Map.of("period_from", MONTH.minusMonths(1).toString(), "period_to", MONTH.toString()))
                .expect(200);
        Contract.assertMatches(iaas);
        assertThat(iaas.json().get("classification").asString())
                .as("the settings' classification by default")
                .isEqualTo("IAAS");
        iaas.json()
                .get("data")
                .forEach(row -> assertThat(row.get("Classification").asString()).isEqualTo("IAAS"));
        Response saas = api.post(
                        BASE + "fetch_billing_export/",
                        Map.of(
                                "period_from",
                                MONTH.minusMonths(1).toString(),
                                "period_to",
                                MONTH.toString(),
                                "classification",
                                "SAAS"))
                .expect(200);
        saas.json()
                .get("data")
                .forEach(row -> assertThat(row.get("Classification").asString()).isEqualTo("SAAS"));
        long lines = fixture.emulator()
                        .summary(MONTH.minusMonths(1))
                        .path("customers")
                        .valueStream()
                        .mapToLong(c -> c.get("lines").asLong())
                        .sum()
                + fixture.emulator()
                        .summary(MONTH)
                        .path("customers")
                        .valueStream()
                        .mapToLong(c -> c.get("lines").asLong())
                        .sum();
        assertThat(iaas.json().get("row_count").asLong()
                        + saas.json().get("row_count").asLong())
                .as("every row counted")
                .isEqualTo(lines);
        assertThat(iaas.json().get("data").size())
                .isEqualTo((int) Math.min(100, iaas.json().get("row_count").asLong()));
        assertThat(api.get("/api/schema/")
                        .expect(200)
                        .json()
                        .at("/components/schemas/FetchBillingExportResponse/properties/data/items/additionalProperties")
                        .asBoolean(false))
                .as("the served document lets a cell be anything, null as Arrow leaves an empty one")
                .isTrue();

        api.post(
                        BASE + "fetch_billing_export/",
                        Map.of("period_from", MONTH.minusMonths(9).toString(), "period_to", MONTH.toString()))
                .expect(400);
        api.post(BASE + "fetch_billing_export/", Map.of("period_from", "2026-13", "period_to", MONTH.toString()))
                .expect(400);
        api.post(BASE + "fetch_billing_export/", Map.of("period_to", MONTH.toString()))
                .expect(400);
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"503\",\"count\":10}");
        assertThat(api.post(
                                BASE + "fetch_billing_export/",
                                Map.of("period_from", MONTH.toString(), "period_to", MONTH.toString()))
                        .expect(502)
                        .text("error"))
                .contains("503");
    }

    @Test
    void fetchLicenseInfoPassesArrowsLicenseThrough() {
        String license = jdbc.sql("select 'XSP' || 4000001").query(String.class).single();
        Response info = api.post(BASE + "fetch_license_info/", Map.of("license_reference", license))
                .expect(200);
        Contract.assertMatches(info);
        assertThat(info.json().get("data").get("license_id").asString()).isEqualTo(license);
        assertThat(api.post(BASE + "fetch_license_info/", Map.of("license_reference", "XSP0"))
                        .expect(400)
                        .text("error"))
                .isNotBlank();
        api.post(BASE + "fetch_license_info/", Map.of()).expect(400);
        for (String step : new String[] {".", ".."}) {
            assertThat(api.post(BASE + "fetch_license_info/", Map.of("license_reference", step))
                            .expect(400)
                            .text("error"))
                    .as("a path step is refused before Arrow is asked")
                    .isEqualTo("'" + step + "' is no Arrow reference");
        }
    }

    @Test
    void syncResourcesCreatesThenUpdatesWithinTheOfferingOnly() {
        String offering = fixture.offering().text("uuid");
        String project = fixture.project(fixture.customer());
        Map<String, Object> into = Map.of("offering_uuid", offering, "project_uuid", project);
        Response first = syncResources(MONTH.minusMonths(1), into).expect(200);
        Contract.assertMatches(first);
        int created = first.json().get("created").asInt();
        assertThat(created).isPositive();
        assertThat(first.json().get("errors").size()).isZero();
        JsonNode resource = api.get("/api/marketplace-resources/?offering_uuid=" + offering)
                .expect(200)
                .json()
                .get(0);
        assertThat(resource.get("attributes").get("arrow_license_reference").asString())
                .startsWith("XSP");
        assertThat(resource.get("current_usages").has("cloud_cost")).isTrue();

        Response again = syncResources(MONTH.minusMonths(1), into).expect(200);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isEqualTo(created);

        String otherOffering = fixture.offering().text("uuid");
        Response elsewhere = syncResources(
                        MONTH.minusMonths(1), Map.of("offering_uuid", otherOffering, "project_uuid", project))
                .expect(200);
        assertThat(elsewhere.json().get("created").asInt())
                .as("D14: another offering's resources are not taken over")
                .isEqualTo(created);

        Response nowhere = syncResources(MONTH, Map.of()).expect(200);
        assertThat(nowhere.json().get("updated").asInt()).isZero();
        assertThat(nowhere.json().get("errors").size())
                .as("D14: no offering is an error, not an update")
                .isPositive();

        syncResources(MONTH.minusMonths(9), Map.of()).expect(400);
        api.post(BASE + "sync_resources/", Map.of("project_uuid", "nope", "settings_uuid", settings))
                .expect(400);
    }

    @Test
    void forceImportCreatesCustomersProjectsAndMappingsOnce() {
        Response imported = forceImport();
        Contract.assertMatches(imported);
        assertThat(imported.json().get("customers_created").asInt()).isPositive();
        assertThat(imported.json().get("mappings_created").asInt())
                .isEqualTo(imported.json().get("customers_created").asInt());
        assertThat(imported.json().get("invoice_items_created").asInt())
                .as("invoicing stays with the billing sync (D2)")
                .isZero();
        assertThat(jdbc.sql("""
                                select m.arrow_reference || '=' || m.arrow_customer_ref from customer_mappings m
                                join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid""").param(settings).query(String.class).list())
                .as("D24: the export names customers by Ref; the mapping keeps the XSP reference and the Ref")
                .isNotEmpty()
                .allMatch(pair -> pair.matches("XSP(\\d+)=\\1"));
        Response twice = forceImport();
        assertThat(twice.json().get("customers_created").asInt()).isZero();
        assertThat(twice.json().get("mappings_created").asInt()).isZero();
        assertThat(twice.json().get("created").asInt()).isZero();
    }

    /** D279: two Arrow customers of one name are imported as two mappings, each of its own reference and Ref. */
    @Test
    void forceImportTellsTwoArrowCustomersOfOneNameApart() {
        fixture.emulator().renameCustomer("XSP700002", "Contoso Ltd");
        forceImport();
        assertThat(jdbc.sql("""
                                select m.arrow_reference || '=' || m.arrow_customer_ref from customer_mappings m
                                join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid""").param(settings).query(String.class).list())
                .contains("XSP700001=700001", "XSP700002=700002");
    }

    /** sync_resources of the month with force_import. */
    private Response forceImport() {
        return syncResources(MONTH, Map.of("force_import", true)).expect(200);
    }

    /** sync_resources of the settings from a month to {@link #MONTH}, with more fields. */
    private Response syncResources(YearMonth from, Map<String, Object> more) {
        Map<String, Object> request = new HashMap<>(more);
        request.put("period_from", from.toString());
        request.put("period_to", MONTH.toString());
        request.put("settings_uuid", settings);
        return api.post(BASE + "sync_resources/", request);
    }

    @Test
    void billingSummaryAndVendorChoicesFollowTheSyncedLines() {
        String billed = fixture.mapAllCustomers().keySet().iterator().next();
        fixture.syncBilling(MONTH);
        String mapping = fixture.mapping(billed);
        Response summary = api.get("/api/admin/arrow/customer-mappings/" + mapping + "/billing_summary/")
                .expect(200);
        Contract.assertMatches(summary);
        assertThat(summary.json().get("total_billing_syncs").asInt())
                .as("one per statement: Microsoft and AWS")
                .isEqualTo(2);
        assertThat(summary.json()
                        .get("recent_billing_syncs")
                        .get(0)
                        .get("items_count")
                        .asInt())
                .isPositive();

        fixture.emulator().fault("{\"family\":\"catalog\",\"kind\":\"503\",\"count\":10}");
        Response choices = api.get(
                        "/api/admin/arrow/vendor-offering-mappings/vendor_choices/?settings_uuid=" + settings)
                .expect(200);
        assertThat(choices.json()
                        .valueStream()
                        .map(choice -> choice.get("value").asString())
                        .toList())
                .as("vendors of synced lines")
                .isNotEmpty()
                .contains("Microsoft");
    }

    @Test
    void billingSyncsAndItemsAreReadOnly() {
        api.post(BASE, Map.of()).expect(405);
        api.send("DELETE", BASE + "0".repeat(32) + "/", null).expect(405);
        api.post("/api/admin/arrow/billing-sync-items/", Map.of()).expect(405);
        api.put("/api/admin/arrow/billing-sync-items/" + "0".repeat(32) + "/", Map.of())
                .expect(405);
        assertThat(api.head(BASE).header("X-Result-Count")).isNotNull();
    }
}
