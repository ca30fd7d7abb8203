package org.arrowsync.arrowclient;

import tools.jackson.databind.JsonNode;

/**
 * An end customer of the partner. Arrow sends PascalCase keys; camelCase is accepted too.
 *
 * @param reference the XSP customer reference
 * @param email {@code EmailContact}, else {@code Contact.Email}
 * @param internalReference the partner's own reference, when set
 */
public record Customer(
        String reference, String companyName, String email, String city, String countryCode, String internalReference) {

    static Customer from(JsonNode node) {
        String email = Json.text(node, "EmailContact", "emailContact");
        if (email == null) {
            email = Json.text(Json.first(node, "Contact", "contact"), "Email", "email");
        }
        return new Customer(
                Json.required("a customer", node, "Reference", "reference"),
                Json.text(node, "CompanyName", "companyName"),
                email,
                Json.text(node, "City", "city"),
                Json.text(node, "CountryCode", "countryCode"),
                Json.text(node, "InternalReference", "internalReference"));
    }
}
