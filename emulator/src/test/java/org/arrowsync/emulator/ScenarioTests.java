package org.arrowsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What real accounts do that the demo data alone does not: thin templates, renames, unreadable cells, refusals. */
class ScenarioTests extends DemoEmulator {

    static final String THIN = "THIN-no-line-references";
    static final String BY_NAME = "BYNAME-no-company-id";
    static final String NO_CUSTOMER = "LINES-no-customer-columns";

    @Test
    void thinTemplatesLeaveOutLineReferencesOrCustomerColumns() {
        List<String> thin = ExportTests.headers(
                http.export(THIN, "2026-10", "2026-10", 1, 5).json().get("data"));
        assertThat(thin).contains("ARS Subscription ID", "Vendor Subscription ID", "Customer Total Price");
        assertThat(thin).doesNotContain("Sequence", "Order Id");

        List<String> byName = ExportTests.headers(
                http.export(BY_NAME, "2026-10", "2026-10", 1, 5).json().get("data"));
        assertThat(byName).contains("Sequence", "End User Company Name").doesNotContain("End User Company ID");

        JsonNode data =
                http.export(NO_CUSTOMER, "2026-10", "2026-10", 1, 5).json().get("data");
        assertThat(ExportTests.headers(data))
                .contains("Sequence", "Sell Total Price")
                .doesNotContain("End User Company Name", "End User Company ID", "Statement Reference");
        assertThat(data.get("values").get(0).size())
                .isEqualTo(ExportTests.headers(data).size());
    }

    @Test
    void thinTemplatesAnswerInStrictMode() {
        http.control("POST", "mode", "{\"strict\":true}");
        for (String template : List.of(THIN, BY_NAME, NO_CUSTOMER)) {
            JsonNode page = http.post("billing/erp/exports/sync?page=2&perPage=5", """
                            {"exportTypeReference":"%s","filters":{"reportPeriod":{"from":"2026-10","to":"2026-10"}}}
                            """.formatted(template))
                    .json();
            assertThat(page.get("pagination").get("currentPage").asInt())
                    .as(template)
                    .isEqualTo(2);
            JsonNode data = page.get("data");
            assertThat(data.get("values")).as(template).hasSize(5);
            assertThat(data.get("values").get(0).size())
                    .as(template)
                    .isEqualTo(ExportTests.headers(data).size());
        }
    }

    @Test
    void aRenamedCustomerKeepsItsReferenceEverywhere() {
        JsonNode renamed = http.control("POST", "customers/XSP700001", "{\"companyName\":\"Contoso Group\"}")
                .json();
        assertThat(renamed.get("companyName").asString()).isEqualTo("Contoso Group");
        assertThat(http.get("customers/XSP700001")
                        .json()
                        .get("data")
                        .get("customers")
                        .get(0)
                        .get("CompanyName")
                        .asString())
                .isEqualTo("Contoso Group");
        JsonNode data = http.export(ALT, "2026-10", "2026-10", 1, 1000).json().get("data");
        List<String> headers = ExportTests.headers(data);
        int name = headers.indexOf("End User Company Name");
        int id = headers.indexOf("End User Company ID");
        boolean seen = false;
        for (JsonNode row : data.get("values")) {
            // The export names the customer by its Ref, which the rename leaves as it is.
            if (row.get(id).asString().equals("700001")) {
                assertThat(row.get(name).asString()).isEqualTo("Contoso Group");
                seen = true;
            }
        }
        assertThat(seen).isTrue();
        assertThat(http.control("GET", "summary?period=2026-10", null)
                        .json()
                        .get("customers")
                        .get("XSP700001")
                        .get("companyName")
                        .asString())
                .isEqualTo("Contoso Group");
        assertThat(http.control("POST", "customers/XSP999", "{\"companyName\":\"x\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRenamedSubscriptionShowsItsNewFriendlyName() {
        http.control("POST", "licenses/XSP4000001", "{\"friendlyName\":\"prod-subscription\"}");
        assertThat(http.get("licenses/XSP4000001")
                        .json()
                        .get("data")
                        .get("license")
                        .get("friendlyName")
                        .asString())
                .isEqualTo("prod-subscription");
        JsonNode data = http.export(MSP, "2026-10", "2026-10", 1, 1000).json().get("data");
        List<String> headers = ExportTests.headers(data);
        boolean seen = false;
        for (JsonNode row : data.get("values")) {
            if (row.get(headers.indexOf("ARS Subscription ID")).asString().equals("XSP4000001")) {
                assertThat(row.get(headers.indexOf("Friendly Name")).asString()).isEqualTo("prod-subscription");
                seen = true;
            }
        }
        assertThat(seen).isTrue();
    }

    @Test
    void aLineMovedToAnotherLicenseOfItsCustomerIsListedUnderIt() {
        JsonNode data = http.export(ALT, "2026-10", "2026-10", 1, 1000).json().get("data");
        List<String> headers = ExportTests.headers(data);
        int sequence = headers.indexOf("Sequence");
        int license = headers.indexOf("ARS Subscription ID");
        int customer = headers.indexOf("End User Company ID");
        JsonNode first = data.get("values").get(0);
        String other = null;
        String foreign = null;
        for (JsonNode row : data.get("values")) {
            boolean sameCustomer =
                    row.get(customer).asString().equals(first.get(customer).asString());
            boolean sameLicense =
                    row.get(license).asString().equals(first.get(license).asString());
            if (sameCustomer && !sameLicense && other == null) {
                other = row.get(license).asString();
            }
            if (!sameCustomer && foreign == null) {
                foreign = row.get(license).asString();
            }
        }
        assertThat(other).isNotNull();
        String moved = first.get(sequence).asString();

        http.control("POST", "lines/" + moved, "{\"licenseRef\":\"" + other + "\"}");

        assertThat(http.control("GET", "lines/" + moved, null)
                        .json()
                        .get("licenseRef")
                        .asString())
                .isEqualTo(other);
        JsonNode after = http.export(ALT, "2026-10", "2026-10", 1, 1000).json().get("data");
        for (JsonNode row : after.get("values")) {
            if (row.get(sequence).asString().equals(moved)) {
                assertThat(row.get(license).asString()).isEqualTo(other);
            }
        }
        assertThat(http.control("POST", "lines/" + moved, "{\"licenseRef\":\"" + foreign + "\"}")
                        .status())
                .as("a line stays with its customer")
                .isEqualTo(400);
    }

    @Test
    void aGarbledLineShowsUnreadableTotalsUntilRepaired() {
        String sequence = http.export(ALT, "2026-10", "2026-10", 1, 1)
                .json()
                .get("data")
                .get("values")
                .get(0)
                .get(0)
                .asString();
        http.control("POST", "lines/" + sequence, "{\"garbled\":true}");
        assertThat(firstSellTotal()).isEqualTo("#VALUE!");
        assertThat(http.control("GET", "lines/" + sequence, null)
                        .json()
                        .get("garbled")
                        .asBoolean())
                .isTrue();
        http.control("POST", "lines/" + sequence, "{\"garbled\":false}");
        assertThat(firstSellTotal()).matches("-?\\d+\\.\\d{5}");
    }

    private static String firstSellTotal() {
        JsonNode data = http.export(ALT, "2026-10", "2026-10", 1, 1).json().get("data");
        return data.get("values")
                .get(0)
                .get(ExportTests.headers(data).indexOf("Sell Total Price"))
                .asString();
    }

    @Test
    void theStatementsApiCanRefuseWith403Or404() {
        for (String status : new String[] {"403", "404"}) {
            http.control("POST", "faults", "{\"family\":\"statements\",\"kind\":\"" + status + "\",\"count\":2}");
            assertThat(http.get("billing/statements?reportPeriod=2026-10").status())
                    .isEqualTo(Integer.parseInt(status));
            assertThat(http.get("billing/statements?reportPeriod=2026-10").header("X-Emulator-Fault"))
                    .isEqualTo(status);
            assertThat(http.get("billing/statements?reportPeriod=2026-10").status())
                    .isEqualTo(200);
        }
    }
}
