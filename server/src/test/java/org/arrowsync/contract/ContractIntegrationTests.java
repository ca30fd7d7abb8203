package org.arrowsync.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The served OpenAPI document is the truth about the wire; it must describe every operation of the wire contract as the
 * contract does, except where the contract itself is wrong about the wire (listed below, each with its reason).
 */
class ContractIntegrationTests extends IntegrationTest {

    /** Where the served document and the contract differ on purpose: the difference, and why the server is right. */
    private static final Map<String, String> CONTRACT_EXCEPTIONS = exceptions();

    private static Map<String, String> exceptions() {
        String queued = "the contract documents no 202 body; the reference answers {message} and we add the job's"
                + " uuid (D15)";
        String ignoredFilters = "vendor_choices is a plain unpaged array; the reference and we ignore the list"
                + " parameters the contract copies onto it";
        Map<String, String> exceptions = new LinkedHashMap<>();
        for (String trigger :
                List.of("reconcile", "trigger_consumption_sync", "trigger_reconciliation", "trigger_sync")) {
            exceptions.put("admin_arrow_billing_syncs_" + trigger + " 202: body not in the contract", queued);
        }
        String contractParameters = "[arrow_vendor_name (in query, string), is_active (in query, boolean),"
                + " offering (in query, string uri), offering_uuid (in query, string uuid), page (in query, integer),"
                + " page_size (in query, integer), settings (in query, string uri)]";
        exceptions.put(
                "admin_arrow_vendor_offering_mappings_vendor_choices_list: parameters not served " + contractParameters,
                ignoredFilters);
        exceptions.put(
                "admin_arrow_vendor_offering_mappings_vendor_choices_count: parameters not served "
                        + contractParameters,
                ignoredFilters);
        exceptions.put("ArrowSettings.api_key: not served", "api_key is write-only, never in a response (D19)");
        for (String schema : List.of(
                "ArrowSettings",
                "ArrowSettingsCreate",
                "ArrowSettingsCreateRequest",
                "ArrowSettingsRequest",
                "PatchedArrowSettingsRequest")) {
            exceptions.put(
                    schema + ".currency: not in the contract",
                    "the currency of an export without a currency column, from the settings as D9 has it (D261);"
                            + " optional, EUR unless set");
        }
        exceptions.put(
                "admin_arrow_customer_mappings_sync_from_arrow 200: body not in the contract",
                "the contract documents no body; the reference and we answer {updated: n}");
        exceptions.put(
                "ArrowCredentialsValidationResponse.export_types: not in the contract",
                "the reference answers the partner's export types beside partner_info; the contract omits them");
        exceptions.put(
                "ArrowBillingSync.line_errors: not in the contract",
                "how many export lines the sync's latest run could not use, beside error_message (D21); the reference"
                        + " has the column and never writes it");
        exceptions.put(
                "ExportTypeCompatibility.features: not in the contract",
                "per feature, the columns a template lacks and what will not work without them (D32)");
        exceptions.put(
                "CleanupConsumptionResponse.kept: not in the contract",
                "cleanup names the records it kept and why (D11); the contract predates it");
        exceptions.put(
                "CleanupConsumptionResponse.records_kept: not in the contract",
                "cleanup counts the records it kept (D11); the contract predates it");
        exceptions.put(
                "ArrowConsumptionLine.resource_uuid: format null, served uuid",
                "the value is the resource's UUID like every other resource_uuid; the contract omits the format");
        exceptions.put(
                "ArrowConsumptionRecord.raw_data: type null, served object",
                "raw data is the Arrow consumption record as received, always a JSON object");
        String noPlan = "a mapping without a plan has no plan uuid or name (plan itself is nullable in the contract)";
        for (String schema : List.of("ArrowVendorOfferingMapping", "ArrowVendorOfferingMappingCreate")) {
            exceptions.put(schema + ".plan_uuid: nullable false, served true", noPlan);
            exceptions.put(schema + ".plan_name: nullable false, served true", noPlan);
        }
        String noItem = "a line of zero amount gets no invoice item, and one billed by consumption tracking is recorded"
                + " without a second item (D2); the reference derives the field through a relation that may be empty";
        exceptions.put("ArrowBillingSyncItem.invoice_item_uuid: nullable false, served true", noItem);
        exceptions.put("ArrowBillingSyncItemDetail.invoice_item_uuid: nullable false, served true", noItem);
        exceptions.put(
                "ArrowConsumptionRecord.invoice_item_uuid: nullable false, served true",
                "a month the billing sync billed first gets no provisional item (D2)");
        String noCompensation = "null until reconciliation books a difference";
        exceptions.put("ArrowBillingSyncItem.compensation_item_uuid: nullable false, served true", noCompensation);
        exceptions.put(
                "ArrowBillingSyncItemDetail.compensation_item_uuid: nullable false, served true", noCompensation);
        exceptions.put("ArrowConsumptionRecord.compensation_item_uuid: nullable false, served true", noCompensation);
        return exceptions;
    }

    @Test
    void theDocumentIsJsonUnlessYamlIsAskedForAsWaldursSchemaViewTakesIt() {
        assertThat(api.anonymous().get("/api/schema/").expect(200).body()).startsWith("{");
        for (Response yaml : List.of(
                api.anonymous().get("/api/schema/?format=yaml").expect(200),
                api.anonymous()
                        .sendRaw("GET", "/api/schema/", Map.of("Accept", "application/vnd.oai.openapi"), null)
                        .expect(200),
                api.anonymous()
                        .sendRaw("GET", "/api/schema/", Map.of("Accept", "application/yaml"), null)
                        .expect(200))) {
            assertThat(yaml.header("Content-Type")).startsWith("application/vnd.oai.openapi;");
            assertThat(yaml.body()).startsWith("openapi:");
            assertThat(Contract.parseDocument(yaml.body()).getPaths()).containsKey("/api/admin/arrow/settings/");
        }
        assertThat(api.anonymous()
                        .sendRaw("GET", "/api/schema/", Map.of("Accept", "application/vnd.oai.openapi+json"), null)
                        .expect(200)
                        .body())
                .startsWith("{");
    }

    /**
     * A count the document names beyond Waldur's paths is a paged list's, whose HEAD gives it: the margins and lines
     * reports, unpaged, were described with a count their HEAD never gave.
     */
    @Test
    void aCountTheDocumentNamesOutsideWaldursPathsIsGivenByItsHead() {
        OpenAPI served = Contract.parseDocument(
                api.anonymous().get("/api/schema/").expect(200).body());
        List<String> counted = new ArrayList<>();
        served.getPaths().forEach((path, item) -> {
            if (item.getHead() != null && !path.startsWith("/api/admin/arrow/") && !path.startsWith("/api/schema")) {
                counted.add(path);
                assertThat(api.head(path).expect(200).header("X-Result-Count"))
                        .as("the count of " + path)
                        .matches("\\d+");
            }
        });
        assertThat(counted).contains("/api/invoices/", "/api/customers/");
        assertThat(served.getPaths().get("/api/admin/arrow/reports/margins/").getHead())
                .as("an unpaged report")
                .isNull();
        assertThat(served.getPaths().get("/api/admin/arrow/jobs/").getHead()).isNotNull();
        assertThat(api.head("/api/admin/arrow/jobs/").expect(200).header("X-Result-Count"))
                .matches("\\d+");
    }

    /** What Arrow's {@code whoami} may leave out is described as null where it is answered so (D245). */
    @Test
    void thePartnersFieldsArrowMayOmitAreDescribedAsNullable() {
        OpenAPI served = Contract.parseDocument(
                api.anonymous().get("/api/schema/").expect(200).body());
        assertThat(property(served, "PartnerInfo", "reference").getNullable())
                .as("reference")
                .isNotEqualTo(Boolean.TRUE);
        for (String field : List.of("company_name", "email", "city", "country_code")) {
            assertThat(property(served, "PartnerInfo", field).getNullable())
                    .as(field)
                    .isTrue();
        }
        assertThat(property(served, "ExportTypeView", "name").getNullable()).isTrue();
    }

    private static Schema<?> property(OpenAPI document, String schema, String name) {
        return (Schema<?>) document.getComponents()
                .getSchemas()
                .get(schema)
                .getProperties()
                .get(name);
    }

    @Test
    void servedDocumentDescribesEveryContractOperationAsTheContractDoes() {
        OpenAPI served = Contract.parseDocument(
                api.anonymous().get("/api/schema/").expect(200).body());
        Set<String> differences = DocumentComparison.differences(Contract.document(), served);

        Set<String> unexplained = new TreeSet<>(differences);
        unexplained.removeAll(CONTRACT_EXCEPTIONS.keySet());
        Set<String> stale = new TreeSet<>(CONTRACT_EXCEPTIONS.keySet());
        stale.removeAll(differences);
        assertThat(unexplained)
                .as("differences between the served document and the contract")
                .isEmpty();
        assertThat(stale)
                .as("listed exceptions the served document no longer shows")
                .isEmpty();
    }

    /** D195: no integer of the served document has a width (schemas, parameters, headers), as none of Waldur's has. */
    @Test
    void noIntegerOfTheServedDocumentHasAWidth() {
        List<String> widths = new ArrayList<>();
        integersWithAWidth(api.anonymous().get("/api/schema/").expect(200).json(), "", widths);

        assertThat(widths).isEmpty();
    }

    private static void integersWithAWidth(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            if ("integer".equals(node.path("type").asString("")) && node.has("format")) {
                found.add(path + ": " + node.get("format").asString());
            }
            node.properties()
                    .forEach(field -> integersWithAWidth(field.getValue(), path + "/" + field.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                integersWithAWidth(node.get(i), path + "/" + i, found);
            }
        }
    }

    @Test
    void theApiDescriptionAndBrowsableDocsArePublic() {
        assertThat(api.anonymous()
                        .get("/api/schema/")
                        .expect(200)
                        .json()
                        .get("openapi")
                        .asString())
                .startsWith("3.");
        Response docs = api.anonymous().get("/api/docs/");
        assertThat(docs.status()).isIn(200, 302);
        api.anonymous().get("/health").expect(200);
    }

    @Test
    void theBrowsableDocsLoadTheirConfigurationAndTheDescriptionFromCanonicalPaths() {
        Response docs = api.anonymous().get("/api/docs/");
        String page = docs.status() == 302 ? URI.create(docs.header("Location")).getPath() : "/api/docs/index.html";
        String initializer = page.substring(0, page.lastIndexOf('/') + 1) + "swagger-initializer.js";
        String script = api.anonymous().get(initializer).expect(200).body();
        Matcher configUrl =
                Pattern.compile("\"configUrl\"\\s*:\\s*\"([^\"]+)\"").matcher(script);
        assertThat(configUrl.find()).as(script).isTrue();
        assertThat(configUrl.group(1)).isEqualTo("/api/schema/swagger-config");
        JsonNode config = api.anonymous().get(configUrl.group(1)).expect(200).json();
        assertThat(config.get("url").asString()).isEqualTo("/api/schema/");
    }
}
