package org.arrowsync.arrowclient;

import tools.jackson.databind.JsonNode;

/** The partner the API key belongs to ({@code GET whoami}). */
public record Partner(String reference, String companyName, String email, String city, String countryCode) {

    static Partner from(JsonNode data) {
        return new Partner(
                Json.required("a partner", data, "reference", "Reference"),
                Json.text(data, "companyName", "CompanyName"),
                Json.text(data, "emailContact", "EmailContact"),
                Json.text(data, "city", "City"),
                Json.text(data, "countryCode", "CountryCode"));
    }
}
