package org.arrowsync.arrowclient;

import tools.jackson.databind.JsonNode;

/**
 * An end customer of the partner. Arrow sends PascalCase keys; camelCase and snake_case are accepted too.
 *
 * @param reference the XSP customer reference
 * @param email {@code EmailContact}, else {@code Contact.Email}
 * @param internalReference the partner's own reference, when set
 * @param ref Arrow's {@code Ref} of the customer (e.g. {@code 222222} for {@code XSP222222}), which billing exports
 *     carry in {@code End User Company ID}; null when not sent
 */
public record Customer(
        String reference,
        String companyName,
        String email,
        String city,
        String countryCode,
        String internalReference,
        String ref) {

    static Customer from(JsonNode node) {
        String email = Json.text(node, "EmailContact", "emailContact", "email_contact");
        if (email == null) {
            email = Json.text(Json.first(node, "Contact", "contact"), "Email", "email");
        }
        return new Customer(
                Json.required("a customer", node, "Reference", "reference"),
                Json.text(node, "CompanyName", "companyName", "company_name"),
                email,
                Json.text(node, "City", "city"),
                Json.text(node, "CountryCode", "countryCode", "country_code"),
                Json.text(node, "InternalReference", "internalReference", "internal_reference"),
                Json.text(node, "Ref", "ref"));
    }
}
