package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.arrowclient.ExportRow;
import org.arrowsync.contract.Contract;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.arrowsync.support.Together;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** sync_resources with real accounts' templates: no line references, renamed subscriptions, force import details. */
class ResourceSyncIntegrationTests extends IntegrationTest {

    static final String BASE = "/api/admin/arrow/billing-syncs/";
    static final YearMonth MONTH = TestClock.closedMonth();
    static final String LICENSE = "XSP4000001";

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void aTemplateWithoutLineReferencesSyncsEveryIaasSubscription() {
        String settings = fixture.settings(ExportTemplates.THIN_REFERENCE);
        String offering = fixture.offering().text("uuid");
        Response synced = syncResources(settings, offering, fixture.project(fixture.customer()));
        Contract.assertMatches(synced);
        assertThat(synced.json().get("errors").size())
                .as(synced.json().toString())
                .isZero();
        assertThat(synced.json().get("created").asInt())
                .as("every IAAS subscription of the demo: 4 of each of the 5 customers")
                .isEqualTo(20);
        JsonNode resource = resource(offering);
        assertThat(resource.get("name").asString()).isEqualTo("Microsoft Azure Plan - Contoso Ltd #1");
        assertThat(resource.get("current_usages").get("cloud_cost").asString()).isNotBlank();
    }

    @Test
    void aNewSubscriptionGoesToTheProjectGivenOnlyWhenItsCustomerIsTheLines() {
        String settings = fixture.settings(ExportTemplates.MSP_REFERENCE);
        String contoso = fixture.mapCustomers(1).values().iterator().next();
        String offering = fixture.offering().text("uuid");
        String elsewhere = fixture.project(fixture.customer());

        Response refused = syncResources(settings, offering, elsewhere);
        assertThat(refused.json().get("created").asInt())
                .as("the subscriptions of the four customers not mapped")
                .isEqualTo(16);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0).get("error").asString())
                .contains("is Arrow customer 'Contoso Ltd'")
                .contains("not to the project's customer")
                .endsWith("not created");

        Response placed = syncResources(settings, offering, fixture.project(contoso));
        assertThat(placed.json().get("errors")).isEmpty();
        assertThat(placed.json().get("created").asInt()).isEqualTo(4);
        assertThat(resource(offering).get("customer_uuid").asString()).isEqualTo(contoso);
    }

    @Test
    void anUnreadableLineKeepsItsSubscriptionAsItWasAndSaysSo() {
        String settings = fixture.settings(ExportTemplates.THIN_REFERENCE);
        String offering = fixture.offering().text("uuid");
        String project = fixture.project(fixture.customer());
        syncResources(settings, offering, project);
        String usages = resource(offering).get("current_usages").toString();

        String line = firstLineOfTheLicense();
        fixture.emulator().garble(line, true);
        Response again = syncResources(settings, offering, project);
        assertThat(again.json().get("errors").toString()).contains("#VALUE!");
        assertThat(again.json().get("updated").asInt()).isEqualTo(19);
        assertThat(resource(offering).get("current_usages").toString()).isEqualTo(usages);
    }

    @Test
    void aResourceFollowsArrowsRenamesUnlessAnOperatorRenamedIt() {
        String settings = fixture.settings(ExportTemplates.MSP_REFERENCE);
        String offering = fixture.offering().text("uuid");
        String project = fixture.project(fixture.customer());
        syncResources(settings, offering, project);
        JsonNode resource = resource(offering);
        String uuid = resource.get("uuid").asString();
        assertThat(resource.get("name").asString()).isEqualTo("Microsoft Azure Plan - Contoso Ltd #1");

        fixture.emulator().renameLicense(LICENSE, "contoso-prod");
        syncResources(settings, offering, project);
        assertThat(name(uuid)).as("Arrow's rename is followed").isEqualTo("contoso-prod");

        api.patch("/api/marketplace-resources/" + uuid + "/", Map.of("name", "Contoso production"))
                .expect(200);
        fixture.emulator().renameLicense(LICENSE, "contoso-prod-2");
        syncResources(settings, offering, project);
        assertThat(name(uuid)).as("the operator's rename is kept").isEqualTo("Contoso production");
        assertThat(resource(offering)
                        .get("attributes")
                        .get("arrow_friendly_name")
                        .asString())
                .isEqualTo("contoso-prod-2");
    }

    @Test
    void forceImportGivesEachCreatedCustomerTheExportsEndUserDetails() {
        String settings = fixture.settings(ExportTemplates.MSP_REFERENCE);
        // A name no other test has imported, so the customer is created here.
        String name = ArrowFixture.unique("Northwind Traders");
        fixture.emulator().renameCustomer("XSP700003", name);
        ExportRow row = exportRowOf(name);

        Response imported = syncResources(Map.of("settings_uuid", settings, "force_import", true));
        assertThat(imported.json().get("customers_created").asInt()).isPositive();
        JsonNode customer = api.get("/api/customers/?name=" + name.replace(" ", "%20"))
                .expect(200)
                .json()
                .get(0);
        assertThat(customer.get("name").asString()).isEqualTo(name);
        assertThat(customer.get("abbreviation").asString()).isNotBlank().isEqualTo(row.cell("End User Company ID"));
        assertThat(customer.get("email").asString()).isNotBlank().isEqualTo(row.cell("End User E-mail"));
        assertThat(customer.get("address").asString())
                .isEqualTo(row.cell("End User Address Line1") + ", " + row.cell("End User City"));
        assertThat(customer.get("postal").asString()).isEqualTo(row.cell("End User Post Code"));
        assertThat(customer.get("country").asString()).hasSize(2).isEqualTo(row.cell("End User Country Code"));
    }

    /** A NUL in Arrow's text, which PostgreSQL's text cannot hold, is taken as U+FFFD rather than failing the run. */
    @Test
    void forceImportTakesANulInArrowsTextAsAReplacementCharacter() {
        String settings = fixture.settings(ExportTemplates.MSP_REFERENCE);
        String name = ArrowFixture.unique("Adventure Works");
        fixture.emulator().renameCustomer("XSP700004", name + "\\u0000 Cycles");

        Response imported = syncResources(Map.of("settings_uuid", settings, "force_import", true));

        assertThat(imported.json().get("customers_created").asInt()).isPositive();
        assertThat(api.get("/api/customers/?name=" + name.replace(" ", "%20"))
                        .expect(200)
                        .json()
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo(name + "\uFFFD Cycles");
    }

    @Test
    void forceImportsSentTogetherCreateEachCustomerAndProjectOnce() throws Exception {
        String settings = fixture.settings(ExportTemplates.MSP_REFERENCE);
        String name = ArrowFixture.unique("Fabrikam Inc");
        fixture.emulator().renameCustomer("XSP700002", name);
        int created =
                Together.send(4, () -> syncResources(Map.of("settings_uuid", settings, "force_import", true))).stream()
                        .mapToInt(
                                answer -> answer.json().get("customers_created").asInt())
                        .sum();
        assertThat(created).as("the renamed customer among those created").isPositive();
        JsonNode customers = api.get("/api/customers/?name=" + name.replace(" ", "%20"))
                .expect(200)
                .json();
        assertThat(customers).hasSize(1);
        String customer = customers.get(0).get("uuid").asString();
        assertThat(api.get("/api/projects/?customer_uuid=" + customer)
                        .expect(200)
                        .json())
                .hasSize(1);
    }

    private Response syncResources(String settings, String offering, String project) {
        return syncResources(Map.of("settings_uuid", settings, "offering_uuid", offering, "project_uuid", project));
    }

    /** The month's resource sync with these parameters. */
    private Response syncResources(Map<String, Object> parameters) {
        Map<String, Object> request = new HashMap<>(parameters);
        request.put("period_from", MONTH.toString());
        request.put("period_to", MONTH.toString());
        return api.post(BASE + "sync_resources/", request).expect(200);
    }

    /** The resource of license XSP4000001 in the offering. */
    private JsonNode resource(String offering) {
        for (JsonNode resource : api.get("/api/marketplace-resources/?offering_uuid=" + offering + "&page_size=100")
                .expect(200)
                .json()) {
            if (LICENSE.equals(
                    resource.get("attributes").path("arrow_license_reference").asString())) {
                return resource;
            }
        }
        throw new AssertionError("no resource of " + LICENSE);
    }

    private String name(String resource) {
        return api.get("/api/marketplace-resources/" + resource + "/")
                .expect(200)
                .text("name");
    }

    /** The Sequence of the month's first line of license XSP4000001, as the standard template shows it. */
    private String firstLineOfTheLicense() {
        List<String> sequences = new ArrayList<>();
        fixture.emulator()
                .client()
                .forEachExportPage(ExportQuery.forPeriod(ExportTemplates.ALT_REFERENCE, MONTH), page -> {
                    for (ExportRow row : page.rows()) {
                        if (LICENSE.equals(row.cell("ARS Subscription ID"))) {
                            sequences.add(row.cell("Sequence"));
                        }
                    }
                });
        return sequences.get(0);
    }

    private ExportRow exportRowOf(String companyName) {
        List<ExportRow> rows = new ArrayList<>();
        fixture.emulator()
                .client()
                .forEachExportPage(ExportQuery.forPeriod(ExportTemplates.MSP_REFERENCE, MONTH), page -> {
                    for (ExportRow row : page.rows()) {
                        if (companyName.equals(row.cell("End User Company Name"))) {
                            rows.add(row);
                        }
                    }
                });
        return rows.get(0);
    }
}
