package org.arrowsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiTests extends DemoEmulator {

    @Test
    void exposesUrlsOnLoopbackWithTrailingSlash() {
        assertThat(emulator.port()).isPositive();
        assertThat(emulator.apiBaseUrl().toString())
                .isEqualTo("http://127.0.0.1:" + emulator.port() + "/index.php/api/");
        assertThat(emulator.controlUrl().toString()).isEqualTo("http://127.0.0.1:" + emulator.port() + "/_emulator/");
        assertThat(emulator.apiKey()).isEqualTo("demo-api-key");
    }

    @Test
    void refusesMissingOrWrongApiKeyWithErrorBody() {
        for (String key : new String[] {null, "wrong"}) {
            Http.Reply reply = http.getWithKey("whoami", "apiKey", key);
            assertThat(reply.status()).isEqualTo(401);
            JsonNode body = reply.json();
            assertThat(body.get("status").asInt()).isEqualTo(401);
            assertThat(body.has("error")).isTrue();
            assertThat(body.has("errorCode")).isTrue();
            assertThat(body.has("correlationId")).isTrue();
        }
    }

    @Test
    void matchesApiKeyHeaderCaseInsensitively() {
        assertThat(http.getWithKey("whoami", "apikey", "demo-api-key").status()).isEqualTo(200);
        assertThat(http.getWithKey("whoami", "APIKEY", "demo-api-key").status()).isEqualTo(200);
    }

    @Test
    void whoamiCarriesPartnerInGeneralEnvelope() {
        JsonNode body = http.get("whoami").json();
        assertThat(body.get("status").asInt()).isEqualTo(200);
        JsonNode data = body.get("data");
        for (String key : List.of("companyName", "reference", "emailContact", "city", "countryCode")) {
            assertThat(data.get(key).asString()).isNotBlank();
        }
        assertThat(data.get("reference").asString()).startsWith("XSP");
    }

    @Test
    void pagesCustomersWithSnakeCaseKeysAndPascalCaseFields() {
        JsonNode body = http.get("customers?page=2&per_page=2").json();
        JsonNode pagination = body.get("pagination");
        assertThat(pagination.get("per_page").asInt()).isEqualTo(2);
        assertThat(pagination.get("current_page").asInt()).isEqualTo(2);
        assertThat(pagination.get("total_page").asInt()).isEqualTo(3);
        assertThat(pagination.get("total").asInt()).isEqualTo(5);
        assertThat(pagination.get("next").asString()).contains("page=3");
        assertThat(pagination.get("previous").asString()).contains("page=1");
        JsonNode customer = body.get("data").get("customers").get(0);
        for (String key : List.of(
                "Reference", "CompanyName", "EmailContact", "City", "CountryCode", "InternalReference", "Ref")) {
            assertThat(customer.get(key).asString()).isNotBlank();
        }
        assertThat(customer.get("Contact").get("Email").asString()).contains("@");
        JsonNode all = http.get("customers").json().get("data").get("customers");
        assertThat(all.get(0).get("CompanyName").asString()).isEqualTo("Contoso Ltd");
    }

    @Test
    void findsOneCustomerOrAnswers404() {
        JsonNode one = http.get("customers/XSP700002").json().get("data").get("customers");
        assertThat(one.size()).isEqualTo(1);
        assertThat(one.get(0).get("CompanyName").asString()).isEqualTo("Fabrikam Inc");
        Http.Reply missing = http.get("customers/XSP999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void listsAndShowsLicenses() {
        JsonNode body = http.get("licenses?per_page=100").json();
        assertThat(body.get("pagination").get("total").asInt()).isEqualTo(30);
        JsonNode licenses = body.get("data").get("licenses");
        assertThat(licenses.size()).isEqualTo(30);
        List<String> categories = new ArrayList<>();
        licenses.forEach(l -> categories.add(l.get("category").asString()));
        assertThat(categories).contains("IAAS", "SAAS");
        JsonNode license = http.get("licenses/XSP4000001").json().get("data").get("license");
        for (String key : List.of(
                "license_id",
                "customer_ref",
                "service_ref",
                "sku",
                "name",
                "friendlyName",
                "vendor_license_id",
                "category",
                "program",
                "state")) {
            assertThat(license.get(key).asString()).isNotBlank();
        }
        assertThat(license.get("price").get("unit").has("sell")).isTrue();
        assertThat(http.get("licenses/XSP1").status()).isEqualTo(404);
    }

    @Test
    void consumptionOfClosedMonthSumsToTheLicenseExportTotal() {
        JsonNode data = http.get(
                        "consumption/monthly/license/XSP4000001?reportPeriodStart=2026-10&reportPeriodEnd=2026-10")
                .json()
                .get("data");
        List<String> headers = new ArrayList<>();
        data.get("headers").forEach(h -> headers.add(h.asString()));
        assertThat(headers)
                .contains(
                        "Report Period",
                        "Vendor Name",
                        "Vendor Product Name",
                        "Vendor Meter Category",
                        "Vendor Meter Sub-Category",
                        "UOM",
                        "Level Chargeable Quantity",
                        "Country currency code",
                        "Total sell price",
                        "Total buy price");
        int sellColumn = headers.indexOf("Total sell price");
        BigDecimal consumed = BigDecimal.ZERO;
        for (JsonNode line : data.get("lines")) {
            consumed = consumed.add(new BigDecimal(line.get(sellColumn).asString()));
        }
        JsonNode export = http.post("billing/erp/exports/sync", """
                {"exportTypeReference":"DJ284LDZ-standard","filters":{"reportPeriod":{"from":"2026-10","to":"2026-10"},
                 "vendorSubscriptionIds":["%s"]}}""".formatted(vendorId("XSP4000001")))
                .json()
                .get("data");
        BigDecimal exported = BigDecimal.ZERO;
        for (JsonNode row : export.get("values")) {
            exported = exported.add(new BigDecimal(row.get(13).asString()));
        }
        assertThat(data.get("lines").size()).isPositive();
        assertThat(consumed).isEqualByComparingTo(exported);
    }

    @Test
    void acceptsBillingMonthParametersAndServesCountryHeaders() {
        http.control("POST", "preset", "{\"preset\":\"demo\",\"consumptionHeaders\":\"country\"}");
        JsonNode data = http.get(
                        "consumption/monthly/license/XSP4000001?billingMonthStart=2026-09&billingMonthEnd=2026-10")
                .json()
                .get("data");
        assertThat(data.get("headers").toString())
                .contains("Country customer total", "Country reseller total")
                .doesNotContain("Total sell price");
        assertThat(data.get("lines").size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void saasLicensesHaveNoConsumption() {
        JsonNode data = http.get("consumption/monthly/license/XSP4000004?reportPeriodStart=2026-10")
                .json()
                .get("data");
        assertThat(data.get("lines").size()).isZero();
    }

    @Test
    void predictsCurrentMonth() {
        JsonNode data = http.get("consumption/license/XSP4000001/prediction?granularity=monthly")
                .json()
                .get("data");
        assertThat(data.get("currency").asString()).isEqualTo("EUR");
        assertThat(data.get("reportPeriod").asString()).isEqualTo("2026-11");
        assertThat(data.get("billingStartDate").asString()).isEqualTo("2026-11-01");
        JsonNode value = data.get("values").get(0);
        assertThat(value.get("consumed").has("sell")).isTrue();
        assertThat(value.has("estimatedMin")).isTrue();
        assertThat(http.get("consumption/license/XSP4000001/prediction?granularity=daily")
                        .json()
                        .get("data")
                        .get("values")
                        .size())
                .isEqualTo(26);
    }

    @Test
    void listsCatalogProgramsAndPartnerSubscriptions() {
        JsonNode programs =
                http.get("catalog/categories/IAAS/programs?per_page=1").json();
        assertThat(programs.get("pagination").get("total_page").asInt()).isEqualTo(2);
        List<String> vendors = new ArrayList<>();
        for (int page = 1; page <= 2; page++) {
            http.get("catalog/categories/IAAS/programs?per_page=1&page=" + page)
                    .json()
                    .get("data")
                    .forEach(p -> vendors.add(p.get("name").asString()));
        }
        assertThat(vendors).containsExactly("Microsoft", "Amazon Web Services");
        JsonNode subscriptions = http.get("subscriptions?page=1&perPage=1").json();
        assertThat(subscriptions.get("data").size()).isEqualTo(1);
        assertThat(subscriptions.get("pagination").get("totalPages").asInt()).isEqualTo(2);
        assertThat(subscriptions.get("data").get(0).get("reference").asString()).startsWith("XSPS");
    }

    @Test
    void answersUnknownPathsWith404() {
        assertThat(http.get("nope").status()).isEqualTo(404);
    }

    static String vendorId(String licenseRef) {
        return http.get("licenses/" + licenseRef)
                .json()
                .get("data")
                .get("license")
                .get("vendor_license_id")
                .asString();
    }
}
