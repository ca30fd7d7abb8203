package org.arrowsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.arrowsync.contract.Contract;
import org.arrowsync.emulator.data.Presets;
import org.arrowsync.emulator.data.ScaleOptions;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.arrowsync.support.Together;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class CustomerMappingApiIntegrationTests extends IntegrationTest {

    private static final String BASE = "/api/admin/arrow/customer-mappings/";
    private static final String SETTINGS = "/api/admin/arrow/settings/";

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    JdbcClient jdbc;

    private Emulator arrow;
    private String settings;

    @BeforeEach
    void activeSettings() {
        arrow = fixture.emulator();
        settings = fixture.activeSettings();
    }

    private JsonNode arrowCustomer(String companyName) {
        JsonNode customers =
                api.get(BASE + "available_customers/").expect(200).json().get("arrow_customers");
        for (JsonNode customer : customers) {
            if (customer.get("companyName").asString().equals(companyName)) {
                return customer;
            }
        }
        throw new AssertionError(companyName + " is not an available Arrow customer: " + customers);
    }

    /** The uuid of this settings' mapping with exactly this reference. */
    private String duplicateOf(String reference) {
        return api.get(BASE + "?settings_uuid=" + settings + "&arrow_reference=" + reference)
                .expect(200)
                .json()
                .get(0)
                .get("uuid")
                .asString();
    }

    private Response map(String reference, String customer) {
        return api.post(BASE, Map.of("settings", settings, "arrow_reference", reference, "waldur_customer", customer));
    }

    /** One Arrow customer in several spellings mapped at once: one mapping is made, the others are refused. */
    @Test
    void spellingsOfOneCustomerMappedAtOnceMakeOneMapping() throws Exception {
        String customer = fixture.customer();
        for (int round = 0; round < 5; round++) {
            String number = "7771" + round;
            List<Callable<Response>> requests = new ArrayList<>();
            for (String spelling : List.of("XSP" + number, "xsp" + number, "Xsp" + number, " xSp" + number)) {
                requests.add(() -> map(spelling, customer));
            }
            assertThat(Together.send(requests))
                    .extracting(Response::status)
                    .as(number)
                    .containsOnlyOnce(201)
                    .containsOnly(201, 400);
        }
    }

    @Test
    void createsListsUpdatesAndDeletesMappings() {
        String customer = fixture.customer();
        Response created = map("XSP-CRUD-1", customer).expect(201);
        Contract.assertMatches(created);
        assertThat(created.text("settings")).isEqualTo(settings);
        String uuid = created.text("uuid");

        Response one = api.get(BASE + uuid + "/").expect(200);
        Contract.assertMatches(one);
        assertThat(one.text("settings")).endsWith("/api/admin/arrow/settings/" + settings + "/");
        assertThat(one.json().get("is_active").asBoolean()).isTrue();

        Response listed = api.get(BASE + "?settings_uuid=" + settings + "&arrow_reference=crud-1&waldur_customer_uuid="
                        + customer)
                .expect(200);
        Contract.assertMatches(listed);
        assertThat(listed.json().findValuesAsString("uuid")).containsExactly(uuid);
        assertThat(api.get(BASE + "?settings=" + one.text("settings") + "&is_active=false")
                        .json()
                        .findValuesAsString("uuid"))
                .doesNotContain(uuid);
        assertThat(api.get(BASE + "?waldur_customer=" + one.text("waldur_customer"))
                        .json()
                        .findValuesAsString("uuid"))
                .contains(uuid);

        String other = fixture.customer();
        Response replaced = api.put(
                        BASE + uuid + "/",
                        Map.of(
                                "settings",
                                one.text("settings"),
                                "arrow_reference",
                                "XSP-CRUD-2",
                                "waldur_customer",
                                "http://localhost/api/customers/" + other + "/",
                                "arrow_company_name",
                                "Renamed"))
                .expect(200);
        Contract.assertMatches(replaced);
        assertThat(replaced.text("waldur_customer_uuid")).isEqualTo(other);
        Response patched =
                api.patch(BASE + uuid + "/", Map.of("is_active", false)).expect(200);
        Contract.assertMatches(patched);
        assertThat(patched.text("arrow_company_name")).isEqualTo("Renamed");
        // PUT with the required fields only: as DRF's update, what it leaves out keeps its value (a deactivated
        // mapping is not switched on again)
        Response required = api.put(
                        BASE + uuid + "/",
                        Map.of("settings", settings, "arrow_reference", "XSP-CRUD-3", "waldur_customer", other))
                .expect(200);
        Contract.assertMatches(required);
        assertThat(required.text("arrow_reference")).isEqualTo("XSP-CRUD-3");
        assertThat(required.text("arrow_company_name")).isEqualTo("Renamed");
        assertThat(required.json().get("is_active").asBoolean()).isFalse();
        api.put(BASE + uuid + "/", Map.of("settings", settings, "waldur_customer", other))
                .expect(400);
        // a PATCH without a body changes nothing, as DRF reads it (the contract's body is optional)
        Response unchanged = api.patch(BASE + uuid + "/", null).expect(200);
        assertThat(unchanged.text("arrow_reference")).isEqualTo("XSP-CRUD-3");
        assertThat(unchanged.json().get("is_active").asBoolean()).isFalse();
        assertThat(api.get(SETTINGS + settings + "/").expect(200).text("api_url"))
                .isEqualTo(
                        api.patch(SETTINGS + settings + "/", null).expect(200).text("api_url"));

        api.delete(BASE + uuid + "/").expect(204);
        api.get(BASE + uuid + "/").expect(404);
    }

    @Test
    void refusesDuplicatesAndBadInput() {
        String customer = fixture.customer();
        map("XSP-DUP", customer).expect(201);
        JsonNode duplicate = map("XSP-DUP", customer).expect(400).json();
        assertThat(duplicate.get("non_field_errors").get(0).asString()).contains("unique");
        // the same Arrow customer as D24 compares them: it would bill nothing beside the first (D98)
        for (String same : List.of(" xsp-dup ", "Xsp-Dup", "XSP-DUP\t")) {
            map(same, customer).expect(400);
        }
        // deactivated, it bills nothing: the customer may be mapped again, and the first stays inactive
        String first = duplicateOf("XSP-DUP");
        api.patch(BASE + first + "/", Map.of("is_active", false)).expect(200);
        JsonNode inactive = map("XSP-DUP", customer).expect(400).json().get("non_field_errors");
        assertThat(inactive.get(0).asString()).contains("unique");
        assertThat(inactive.get(1).asString())
                .as("the inactive mapping of the same reference named, to activate")
                .contains("Mapping " + first + " of this Arrow customer is inactive");
        map("xsp-dup", customer).expect(201);
        api.patch(BASE + first + "/", Map.of("is_active", true)).expect(400);
        // an export's End User Company ID names a customer by its XSP reference or by that reference's digits (D167):
        // a mapping of either is a mapping of both, whichever came first
        map("XSP5550123", customer).expect(201);
        assertThat(map("5550123", fixture.customer())
                        .expect(400)
                        .json()
                        .get("non_field_errors")
                        .get(0)
                        .asString())
                .contains("unique");
        map("5550124", customer).expect(201);
        map(" xsp5550124", fixture.customer()).expect(400);
        JsonNode trimmed = map("  XSP-TRIMMED  ", customer).expect(201).json();
        assertThat(trimmed.get("arrow_reference").asString())
                .as("trimmed as Waldur trims it")
                .isEqualTo("XSP-TRIMMED");

        JsonNode missing = api.post(BASE, Map.of()).expect(400).json();
        assertThat(missing.has("settings") && missing.has("arrow_reference") && missing.has("waldur_customer"))
                .isTrue();
        api.post(BASE, Map.of("settings", "nope", "arrow_reference", "X", "waldur_customer", customer))
                .expect(400);
        JsonNode unknown = api.post(
                        BASE,
                        Map.of(
                                "settings",
                                settings,
                                "arrow_reference",
                                "X",
                                "waldur_customer",
                                "00000000000000000000000000000000"))
                .expect(400)
                .json();
        assertThat(unknown.get("waldur_customer").get(0).asString()).contains("does not exist");
        api.get(BASE + "?settings_uuid=zzz").expect(400);
        api.get(BASE + "?is_active=maybe").expect(400);
        api.as(fixture.userToken()).get(BASE).expect(403);
    }

    @Test
    void availableCustomersSuggestOperatorCustomersByName() {
        String contoso = fixture.customer("Contoso " + ArrowFixture.unique("x").substring(2, 4));
        Response available = api.get(BASE + "available_customers/").expect(200);
        Contract.assertMatches(available);
        assertThat(available.text("settings_uuid")).isEqualTo(settings);
        JsonNode customer = arrowCustomer("Contoso Ltd");
        map(customer.get("reference").asString(), contoso).expect(201);
        assertThat(api.get(BASE + "available_customers/")
                        .json()
                        .get("arrow_customers")
                        .findValuesAsString("reference"))
                .doesNotContain(customer.get("reference").asString());

        arrow.fault("{\"family\":\"customers\",\"kind\":\"500\",\"count\":5}");
        assertThat(api.get(BASE + "available_customers/").expect(400).text("detail"))
                .startsWith("Failed to fetch Arrow customers");
    }

    @Test
    void syncFromArrowCopiesCompanyNamesWithTheStoredKey() {
        api.patch(SETTINGS + settings + "/", Map.of("invoice_item_prefix", "Kept key"))
                .expect(200);
        String reference = arrowCustomer("Fabrikam Inc").get("reference").asString();
        map(reference, fixture.customer()).expect(201);
        Response synced = api.post(BASE + "sync_from_arrow/", Map.of("settings_uuid", settings))
                .expect(200);
        assertThat(synced.json().get("updated").asInt()).isEqualTo(1);
        assertThat(api.post(BASE + "sync_from_arrow/", Map.of())
                        .expect(200)
                        .json()
                        .get("updated")
                        .asInt())
                .isZero();
        assertThat(api.get(BASE + "?arrow_reference=" + reference)
                        .json()
                        .get(0)
                        .get("arrow_company_name")
                        .asString())
                .isEqualTo("Fabrikam Inc");

        arrow.fault("{\"family\":\"customers\",\"kind\":\"malformed_json\",\"count\":5}");
        assertThat(api.post(BASE + "sync_from_arrow/", Map.of()).expect(502).text("error"))
                .isNotBlank();
        api.post(BASE + "sync_from_arrow/", Map.of("settings_uuid", "00000000000000000000000000000000"))
                .expect(404);
    }

    @Test
    void discoversLinksAndImportsLicenses() {
        JsonNode arrowCustomer = arrowCustomer("Northwind Traders");
        String customer = fixture.customer();
        String project = fixture.project(customer);
        String offering = fixture.offering().text("uuid");
        String resource = fixture.resource(project, offering);
        String mapping = map(arrowCustomer.get("reference").asString(), customer)
                .expect(201)
                .text("uuid");

        Response discovered = api.get(BASE + mapping + "/discover_licenses/").expect(200);
        Contract.assertMatches(discovered);
        JsonNode licenses = discovered.json().get("arrow_licenses");
        assertThat(licenses.size()).isEqualTo(6);
        assertThat(discovered.json().get("error").isNull()).isTrue();
        assertThat(discovered.json().get("waldur_resources").findValuesAsString("uuid"))
                .containsExactly(resource);
        fixture.emulator().fault("{\"family\":\"licenses\",\"kind\":\"bare_refs\"}");
        assertThat(api.get(BASE + mapping + "/discover_licenses/")
                        .expect(200)
                        .json()
                        .get("arrow_licenses"))
                .as("licenses naming their customer by its bare Ref")
                .hasSize(6);
        String license = licenses.get(0).get("license_reference").asString();

        Response linked = api.post(
                        BASE + mapping + "/link_resource/",
                        Map.of("resource_uuid", resource, "license_reference", license))
                .expect(200);
        Contract.assertMatches(linked);
        assertThat(linked.text("previous_backend_id")).isEmpty();
        JsonNode linkedResource = api.get("/api/marketplace-resources/" + resource + "/")
                .expect(200)
                .json();
        assertThat(linkedResource.get("backend_id").asString()).isEqualTo(license);
        assertThat(linkedResource
                        .get("attributes")
                        .get("arrow_license_reference")
                        .asString())
                .isEqualTo(license);

        String second = licenses.get(1).get("license_reference").asString();
        Response imported = api.post(
                        BASE + mapping + "/import_license/",
                        Map.of(
                                "license_reference",
                                second,
                                "license_name",
                                "Imported",
                                "offering_uuid",
                                offering,
                                "project_uuid",
                                project))
                .expect(200);
        Contract.assertMatches(imported);
        JsonNode created = api.get("/api/marketplace-resources/" + imported.text("resource_uuid") + "/")
                .expect(200)
                .json();
        assertThat(created.get("attributes").get("arrow_license_reference").asString())
                .isEqualTo(second);
        assertThat(created.get("backend_id").asString()).isEqualTo(second);
        assertThat(importLicense(mapping, second, offering, project).expect(400).text("error"))
                .contains("already been imported");

        Response data = api.get(BASE + mapping + "/fetch_arrow_data/").expect(200);
        Contract.assertMatches(data);
        assertThat(data.json().get("billing_available").asBoolean()).isTrue();
        assertThat(data.json().get("resources_with_backend_id").asInt()).isEqualTo(2);
        assertThat(data.json().get("matched_resources").asInt()).isEqualTo(2);
        assertThat(data.json().get("billing_lines").size()).isPositive();
    }

    /** As the reference: a license a resource of the offering carries is not imported again, for any customer. */
    @Test
    void aLicenseAnotherCustomersResourceCarriesIsNotImportedAgain() {
        String offering = fixture.offering().text("uuid");
        String license = "XSP" + ArrowFixture.unique("l").substring(2, 10);
        String[] customers = {fixture.customer(), fixture.customer()};
        String[] mappings = {
            map(arrowCustomer("Fabrikam Inc").get("reference").asString(), customers[0])
                    .expect(201)
                    .text("uuid"),
            map(arrowCustomer("Tailspin Toys").get("reference").asString(), customers[1])
                    .expect(201)
                    .text("uuid")
        };
        for (int i = 0; i < 2; i++) {
            Response answer = importLicense(mappings[i], license, offering, fixture.project(customers[i]));
            if (i == 0) {
                answer.expect(200);
            } else {
                assertThat(answer.expect(400).text("error"))
                        .isEqualTo("License " + license + " has already been imported");
            }
        }
        assertThat(api.get("/api/marketplace-resources/?offering_uuid=" + offering + "&backend_id=" + license)
                        .expect(200)
                        .json()
                        .size())
                .isOne();
    }

    /** One license imported by several requests at once: one resource is created, the others are refused. */
    @Test
    void aLicenseImportedByRequestsSentTogetherIsImportedOnce() throws Exception {
        String customer = fixture.customer();
        String project = fixture.project(customer);
        String offering = fixture.offering().text("uuid");
        String mapping = map(arrowCustomer("Fabrikam Inc").get("reference").asString(), customer)
                .expect(201)
                .text("uuid");
        for (int round = 0; round < 3; round++) {
            String license = "XSP88800" + round;
            assertThat(Together.send(6, () -> importLicense(mapping, license, offering, project)))
                    .extracting(Response::status)
                    .as(license)
                    .containsOnlyOnce(200)
                    .containsOnly(200, 400);
            assertThat(api.get("/api/marketplace-resources/?offering_uuid=" + offering + "&backend_id=" + license)
                            .expect(200)
                            .json()
                            .size())
                    .as(license)
                    .isOne();
        }
    }

    @Test
    void licenseActionsAnswerArrowFailuresAndForeignObjectsInTheContractShape() {
        String customer = fixture.customer();
        String project = fixture.project(customer);
        String offering = fixture.offering().text("uuid");
        String mapping = map(arrowCustomer("Tailspin Toys").get("reference").asString(), customer)
                .expect(201)
                .text("uuid");
        String foreignResource = fixture.resource(fixture.project(fixture.customer()), offering);

        assertThat(api.post(
                                BASE + mapping + "/link_resource/",
                                Map.of("resource_uuid", foreignResource, "license_reference", "XSP1"))
                        .expect(404)
                        .text("error"))
                .contains("not found for this customer");
        api.post(BASE + mapping + "/link_resource/", Map.of("license_reference", "XSP1"))
                .expect(400);
        assertThat(importLicense(mapping, "XSP1", offering, fixture.project(fixture.customer()))
                        .expect(404)
                        .text("error"))
                .contains("Project");
        assertThat(importLicense(mapping, "XSP1", "00000000000000000000000000000000", project)
                        .expect(404)
                        .text("error"))
                .contains("Offering");
        api.post(BASE + mapping + "/import_license/", Map.of("offering_uuid", offering))
                .expect(400);

        arrow.fault("{\"family\":\"licenses\",\"kind\":\"503\",\"count\":5}");
        Response failed = api.get(BASE + mapping + "/discover_licenses/").expect(200);
        Contract.assertMatches(failed);
        assertThat(failed.text("error")).isNotBlank();

        arrow.fault("{\"family\":\"exports\",\"kind\":\"500\",\"count\":5}");
        Response noBilling = api.get(BASE + mapping + "/fetch_arrow_data/").expect(200);
        Contract.assertMatches(noBilling);
        assertThat(noBilling.json().get("billing_available").asBoolean()).isFalse();
        assertThat(noBilling.text("error")).startsWith("Failed to fetch billing data: ");
    }

    @Test
    void setupWizardDiscoversAndSavesSettingsWithMappings() {
        String adventure = fixture.customer("Adventure Works");
        Response discovered = api.post(
                        SETTINGS + "discover_customers/", Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey()))
                .expect(200);
        Contract.assertMatches(discovered);
        JsonNode json = discovered.json();
        assertThat(json.get("arrow_customers").size()).isEqualTo(5);
        JsonNode msp = json.get("export_types").get(0);
        assertThat(msp.get("compatible").asBoolean()).isTrue();
        assertThat(msp.get("recommended").asBoolean()).isTrue();
        assertThat(msp.get("required_fields_found").asInt())
                .isEqualTo(msp.get("required_fields_total").asInt());
        JsonNode standard = json.get("export_types").get(1);
        assertThat(standard.get("compatible").asBoolean())
                .as("the billing sync reads Sell/Buy Total Price where Customer Total Price is missing")
                .isTrue();
        assertThat(standard.get("missing_required_fields").size()).isZero();
        JsonNode suggested = null;
        for (JsonNode suggestion : json.get("suggestions")) {
            if (suggestion.get("arrow_customer").get("companyName").asString().equals("Adventure Works Cycles")) {
                suggested = suggestion;
            }
        }
        assertThat(suggested).isNotNull();
        assertThat(suggested.get("confidence").asDouble()).isGreaterThan(0.5);
        String reference = suggested.get("arrow_customer").get("reference").asString();

        Response saved = api.post(
                        SETTINGS + "save_settings/",
                        Map.of(
                                "api_url",
                                arrow.apiUrl(),
                                "api_key",
                                arrow.apiKey(),
                                "export_type_reference",
                                msp.get("reference").asString(),
                                "customer_mappings",
                                List.of(
                                        Map.of(
                                                "arrow_reference",
                                                " " + reference + " ",
                                                "waldur_customer_uuid",
                                                adventure),
                                        Map.of(
                                                "arrow_reference",
                                                "XSP-UNKNOWN",
                                                "waldur_customer_uuid",
                                                "00000000000000000000000000000000"),
                                        Map.of(
                                                "arrow_reference",
                                                reference.toLowerCase(Locale.ROOT),
                                                "waldur_customer_uuid",
                                                adventure),
                                        // the digits of its XSP reference name the same Arrow customer (D167)
                                        Map.of(
                                                "arrow_reference",
                                                reference.substring("XSP".length()),
                                                "waldur_customer_uuid",
                                                fixture.customer()))))
                .expect(201);
        Contract.assertMatches(saved);
        assertThat(saved.json().get("mappings_created").asInt()).isEqualTo(1);
        assertThat(saved.text("message"))
                .isEqualTo("Settings saved with 1 customer mappings; skipped, their customer is unknown: XSP-UNKNOWN;"
                        + " skipped, their Arrow customer is mapped before in the same list: "
                        + reference.toLowerCase(Locale.ROOT) + ", " + reference.substring("XSP".length()));
        String newSettings = saved.text("settings_uuid");
        assertThat(api.get(SETTINGS + "?is_active=true").json().findValuesAsString("uuid"))
                .containsExactly(newSettings);
        JsonNode mapping = api.get(BASE + "?settings_uuid=" + newSettings)
                .expect(200)
                .json()
                .get(0);
        assertThat(mapping.get("arrow_company_name").asString()).isEqualTo("Adventure Works Cycles");
        assertThat(mapping.get("arrow_reference").asString()).isEqualTo(reference);

        arrow.fault("{\"family\":\"customers\",\"kind\":\"502\",\"count\":5}");
        assertThat(api.post(
                                SETTINGS + "discover_customers/",
                                Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey()))
                        .expect(502)
                        .text("error"))
                .isNotBlank();
        arrow.fault("{\"family\":\"whoami\",\"kind\":\"error_body_200\",\"bodyStatus\":401}");
        api.post(SETTINGS + "save_settings/", Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey()))
                .expect(400);
        assertThat(saveSettings(Map.of("arrow_reference", "X"))
                        .expect(400)
                        .json()
                        .get("customer_mappings")
                        .get(0)
                        .has("waldur_customer_uuid"))
                .isTrue();
        assertThat(saveSettings(List.of(
                                Map.of("arrow_reference", "A", "waldur_customer_uuid", adventure),
                                Map.of("arrow_reference", "B")))
                        .expect(400)
                        .json()
                        .get("customer_mappings")
                        .toString())
                .as("DRF's errors of a list: an object per element")
                .isEqualTo("[{},{\"waldur_customer_uuid\":[\"This field is required.\"]}]");
        assertThat(saveSettings(Map.of("arrow_reference", "X".repeat(256), "waldur_customer_uuid", adventure))
                        .expect(400)
                        .json()
                        .get("customer_mappings")
                        .get(0)
                        .has("arrow_reference"))
                .isTrue();

        // Arrow fails to say who the customer is: the mapping is saved, and the answer says its name is missing
        arrow.fault("{\"family\":\"customers\",\"kind\":\"503\",\"count\":8}");
        Response unnamed = saveSettings(Map.of("arrow_reference", reference, "waldur_customer_uuid", adventure))
                .expect(201);
        arrow.clearFaults();
        assertThat(unnamed.text("message"))
                .startsWith("Settings saved with 1 customer mappings; Arrow did not return " + reference);
    }

    /**
     * D302: HomePort's wizard sends no export template. Settings saved so for an Arrow account no record has yet take
     * the template discovery recommends; saved again, they carry on the template and classification filter of the
     * record they replace: a billing sync runs either way.
     */
    @Test
    void settingsSavedWithoutAnExportTemplateTakeTheRecommendedOneThenCarryItOn() {
        api.delete(SETTINGS + settings + "/").expect(204);
        String recommended = api.post(
                        SETTINGS + "discover_customers/", Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey()))
                .expect(200)
                .json()
                .get("export_types")
                .valueStream()
                .filter(type -> type.get("recommended").asBoolean())
                .findFirst()
                .orElseThrow()
                .get("reference")
                .asString();

        JsonNode first = fixture.saveSettingsAsHomePort(Map.of());
        assertThat(first.get("message").asString())
                .isEqualTo("Settings saved with 0 customer mappings; export template " + recommended
                        + ", the one Arrow's export types recommend (none was given)");
        String firstRecord = SETTINGS + first.get("settings_uuid").asString() + "/";
        assertThat(api.get(firstRecord).expect(200).text("export_type_reference"))
                .isEqualTo(recommended);

        api.patch(
                        firstRecord,
                        Map.of("export_type_reference", ExportTemplates.ALT_REFERENCE, "classification_filter", "SAAS"))
                .expect(200);
        JsonNode second = fixture.saveSettingsAsHomePort(Map.of());
        assertThat(second.get("message").asString())
                .contains("export template \"" + ExportTemplates.ALT_REFERENCE + "\"")
                .contains("classification filter \"SAAS\"");
        JsonNode record = api.get(SETTINGS + second.get("settings_uuid").asString() + "/")
                .expect(200)
                .json();
        assertThat(record.get("export_type_reference").asString()).isEqualTo(ExportTemplates.ALT_REFERENCE);
        assertThat(record.get("classification_filter").asString()).isEqualTo("SAAS");

        // the record replaced has none (saved so before D302): the recommended one, not its blank
        api.patch(SETTINGS + second.get("settings_uuid").asString() + "/", Map.of("export_type_reference", ""))
                .expect(200);
        JsonNode third = fixture.saveSettingsAsHomePort(Map.of());
        assertThat(third.get("message").asString()).contains("export template " + recommended + ", the one");
        assertThat(api.get(SETTINGS + third.get("settings_uuid").asString() + "/")
                        .expect(200)
                        .text("export_type_reference"))
                .isEqualTo(recommended);
        YearMonth month = TestClock.closedMonth();
        api.post(
                        "/api/admin/arrow/billing-syncs/trigger_sync/",
                        Map.of(
                                "year",
                                month.getYear(),
                                "month",
                                month.getMonthValue(),
                                "settings_uuid",
                                third.get("settings_uuid").asString()))
                .expect(202);
    }

    /**
     * As the reference: discovery marks a customer any settings map as mapped, its credentials' own settings included,
     * with no suggestion (D303: the console's wizard carries such customers over itself).
     */
    @Test
    void discoveryMarksTheCustomersAnySettingsMapAsMapped() {
        Map<String, String> mapped = fixture.mapCustomers(2);
        JsonNode suggestions = api.post(
                        SETTINGS + "discover_customers/", Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey()))
                .expect(200)
                .json()
                .get("suggestions");
        List<String> marked = new ArrayList<>();
        for (JsonNode suggestion : suggestions) {
            if (suggestion.get("existing_mapping").asBoolean()) {
                marked.add(suggestion.get("arrow_customer").get("reference").asString());
                assertThat(suggestion.has("suggested_waldur_customer")).isFalse();
                assertThat(suggestion.get("confidence").asDouble()).isZero();
            }
        }
        assertThat(marked).containsAll(mapped.keySet());
    }

    /**
     * A wizard saved with many mappings reads their customers from Arrow's list, a page of a hundred at a time, not one
     * request each: at Arrow's rate, a thousand mappings kept it waiting minutes.
     */
    @Test
    void aWizardOfManyMappingsReadsTheirCustomersFromArrowsList() {
        try (ArrowFixture many = ArrowFixture.on(
                api,
                jdbc,
                Emulator.options()
                        .withPreset(Presets.SCALE)
                        .withScale(ScaleOptions.demo()
                                .withCustomers(30)
                                .withLicensesPerCustomer(1)
                                .withLinesPerLicense(1)))) {
            Map<String, String> customers = many.mapAllCustomers();
            assertThat(customers).hasSize(30);
            many.emulator().resetStats();
            String successor = null;
            try {
                successor =
                        many.saveSettingsAgain(customers).get("settings_uuid").asString();

                assertThat(many.emulator().requests("customers"))
                        .as("requests for customers")
                        .isOne();
                JsonNode mappings = api.get(BASE + "?page_size=100&settings_uuid=" + successor)
                        .expect(200)
                        .json();
                assertThat(mappings.findValuesAsString("arrow_company_name"))
                        .as("each named as Arrow names it")
                        .hasSize(30)
                        .doesNotContain("");
            } finally {
                // a world on the shared server is not cleared by its fixture
                jdbc.sql("delete from arrow_settings where replace(uuid::text, '-', '') = any(?)")
                        .param(new String[] {many.settings(), String.valueOf(successor)})
                        .update();
            }
        }
    }

    private Response saveSettings(Map<String, String> mapping) {
        return saveSettings(List.of(mapping));
    }

    private Response saveSettings(List<Map<String, String>> mappings) {
        return api.post(
                SETTINGS + "save_settings/",
                Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey(), "customer_mappings", mappings));
    }

    private Response importLicense(String mapping, String license, String offering, String project) {
        return api.post(
                BASE + mapping + "/import_license/",
                Map.of("license_reference", license, "offering_uuid", offering, "project_uuid", project));
    }
}
