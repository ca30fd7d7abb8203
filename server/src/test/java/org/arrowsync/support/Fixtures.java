package org.arrowsync.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the ledger graph over the API, lazily and with unique names, so tests never collide in the shared database.
 */
public final class Fixtures {

    private final Api api;

    public Fixtures(Api api) {
        this.api = api;
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public String customer() {
        return customer(unique("Customer"));
    }

    public String customer(String name) {
        return api.post("/api/customers/", Map.of("name", name)).expect(201).text("uuid");
    }

    public String project(String customerUuid) {
        return api.post("/api/projects/", Map.of("name", unique("Project"), "customer", customerUuid))
                .expect(201)
                .text("uuid");
    }

    public Response offering() {
        return api.post(
                        "/api/marketplace-public-offerings/",
                        Map.of(
                                "name",
                                unique("Offering"),
                                "type",
                                "Marketplace.Basic",
                                "components",
                                List.of(Map.of(
                                        "type",
                                        "cloud_cost",
                                        "name",
                                        "Cloud Cost",
                                        "billing_type",
                                        "usage",
                                        "measured_unit",
                                        "EUR")),
                                "plans",
                                List.of(Map.of("name", "Default"))))
                .expect(201);
    }

    public String resource(String projectUuid, String offeringUuid) {
        return api.post(
                        "/api/marketplace-resources/",
                        Map.of("name", unique("Resource"), "project", projectUuid, "offering", offeringUuid))
                .expect(201)
                .text("uuid");
    }

    /**
     * Inactive settings for this Arrow with the standard export template, saved through the API as an operator would.
     */
    public String settings(ArrowEmulator arrow) {
        return api.post(
                        "/api/admin/arrow/settings/",
                        Map.of(
                                "api_url",
                                arrow.apiUrl(),
                                "api_key",
                                arrow.apiKey(),
                                "export_type_reference",
                                "DJ284LDZ-standard",
                                "is_active",
                                false))
                .expect(201)
                .text("uuid");
    }

    /** Maps the Arrow's first customer (as discovery lists them) to a new operator customer; answers its reference. */
    public String mapFirstArrowCustomer(String settings, ArrowEmulator arrow) {
        String reference = api.post(
                        "/api/admin/arrow/settings/discover_customers/",
                        Map.of("api_url", arrow.apiUrl(), "api_key", arrow.apiKey()))
                .expect(200)
                .json()
                .get("arrow_customers")
                .get(0)
                .get("reference")
                .asString();
        api.post(
                        "/api/admin/arrow/customer-mappings/",
                        Map.of("settings", settings, "arrow_reference", reference, "waldur_customer", customer()))
                .expect(201);
        return reference;
    }

    /** A non-staff user's token. */
    public String userToken() {
        return api.post(
                        "/api/users/",
                        Map.of(
                                "username",
                                "user-" + UUID.randomUUID().toString().substring(0, 8),
                                "is_staff",
                                false))
                .expect(201)
                .text("token");
    }
}
