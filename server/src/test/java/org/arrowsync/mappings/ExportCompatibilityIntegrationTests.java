package org.arrowsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.arrowsync.contract.Contract;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The setup wizard's template check says per feature which columns a template lacks and what will not work (D32). */
class ExportCompatibilityIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static final Emulator arrow = new Emulator();

    /**
     * An export of a month without lines that comes without headers, as a new partner's may, is no template without
     * columns: the template's own list of them judges it.
     */
    @Test
    void anEmptyExportWithoutHeadersIsJudgedByTheColumnsItsTemplateLists() {
        arrow.fault("{\"family\":\"exports\",\"kind\":\"empty_table\",\"probability\":1}");
        try {
            Map<String, JsonNode> types = new HashMap<>();
            api.post(
                            "/api/admin/arrow/settings/discover_customers/",
                            Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey()))
                    .expect(200)
                    .json()
                    .get("export_types")
                    .forEach(type -> types.put(type.get("reference").asString(), type));

            assertThat(types.get(ExportTemplates.ALT_REFERENCE)
                            .get("recommended")
                            .asBoolean())
                    .as(types.get(ExportTemplates.ALT_REFERENCE).toString())
                    .isTrue();
            assertThat(types.get(ExportTemplates.THIN_REFERENCE)
                            .get("missing_required_fields")
                            .toString())
                    .as("judged by its columns still")
                    .isEqualTo("[\"Sequence or Order Id\"]");
        } finally {
            arrow.clearFaults();
        }
    }

    @Test
    void eachTemplateIsJudgedPerFeatureByTheColumnsThatFeatureReads() {
        Response discovered = api.post(
                        "/api/admin/arrow/settings/discover_customers/",
                        Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey()))
                .expect(200);
        Contract.assertMatches(discovered);
        Map<String, JsonNode> types = new HashMap<>();
        discovered
                .json()
                .get("export_types")
                .forEach(type -> types.put(type.get("reference").asString(), type));

        JsonNode thin = types.get(ExportTemplates.THIN_REFERENCE);
        assertThat(thin.get("compatible").asBoolean())
                .as("without line references nothing can be billed")
                .isFalse();
        assertThat(thin.get("missing_required_fields").toString()).contains("Sequence or Order Id");
        assertThat(usable(thin, "billing_sync")).isFalse();
        assertThat(missing(thin, "billing_sync").toString())
                .contains("Sequence or Order Id")
                .contains("nothing is billed or reconciled");
        assertThat(usable(thin, "consumption_finalisation")).isTrue();
        assertThat(usable(thin, "resource_sync")).isTrue();
        assertThat(usable(thin, "force_import")).isFalse();
        assertThat(missing(thin, "force_import").toString()).contains("End User Company ID");

        JsonNode byName = types.get(ExportTemplates.BY_NAME_REFERENCE);
        assertThat(byName.get("compatible").asBoolean()).isTrue();
        assertThat(byName.get("recommended").asBoolean()).isFalse();
        assertThat(usable(byName, "force_import")).isFalse();

        JsonNode noCustomer = types.get(ExportTemplates.NO_CUSTOMER_REFERENCE);
        assertThat(noCustomer.get("compatible").asBoolean()).isFalse();
        assertThat(missing(noCustomer, "billing_sync").toString())
                .contains("End User Company ID or End User Company Name");
        assertThat(usable(noCustomer, "consumption_finalisation")).isTrue();

        JsonNode noLicense = types.get(ExportTemplates.NO_LICENSE_REFERENCE);
        assertThat(noLicense.get("compatible").asBoolean())
                .as("the billing sync bills without licenses")
                .isTrue();
        assertThat(noLicense.get("recommended").asBoolean()).isFalse();
        assertThat(missing(noLicense, "billing_sync").toString())
                .contains("ARS Subscription ID")
                .contains("\"required\":false")
                .contains("consumption tracking cannot work beside the billing sync");
        assertThat(usable(noLicense, "consumption_finalisation")).isFalse();
        assertThat(missing(noLicense, "consumption_finalisation").toString())
                .contains("ARS Subscription ID")
                .contains("consumption tracking needs it");

        JsonNode standard = types.get(ExportTemplates.ALT_REFERENCE);
        assertThat(standard.get("compatible").asBoolean()).isTrue();
        assertThat(standard.get("recommended").asBoolean()).isTrue();
        assertThat(missing(standard, "force_import").toString())
                .as("optional: the customer is created without them")
                .contains("End User E-mail")
                .contains("\"required\":false");
    }

    private static boolean usable(JsonNode type, String feature) {
        return feature(type, feature).get("usable").asBoolean();
    }

    private static JsonNode missing(JsonNode type, String feature) {
        return feature(type, feature).get("missing");
    }

    private static JsonNode feature(JsonNode type, String feature) {
        for (JsonNode candidate : type.get("features")) {
            if (candidate.get("feature").asString().equals(feature)) {
                return candidate;
            }
        }
        throw new AssertionError("no feature " + feature + " in " + type);
    }
}
