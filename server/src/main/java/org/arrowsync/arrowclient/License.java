package org.arrowsync.arrowclient;

import tools.jackson.databind.JsonNode;

/**
 * A customer's license (ArrowSphere's word for a subscription). Keys are snake_case in the API and PascalCase in some
 * recordings; both are accepted.
 *
 * @param reference the XSP license reference ({@code license_id})
 * @param customerReference the XSP customer reference
 * @param vendorSubscriptionId the vendor-side id ({@code vendor_license_id}), e.g. an Azure subscription
 * @param seats null when not reported
 */
public record License(
        String reference,
        String customerReference,
        String serviceReference,
        String sku,
        String name,
        String friendlyName,
        String state,
        String vendorSubscriptionId,
        Integer seats) {

    static License from(JsonNode node) {
        return new License(
                Json.required("a license", node, "license_id", "License_Id", "licenseId", "partnerRef"),
                Json.text(node, "customer_ref", "Customer_Ref", "customerRef"),
                Json.text(node, "service_ref", "Service_Ref", "serviceRef"),
                Json.text(node, "sku", "Sku"),
                Json.text(node, "name", "Name"),
                Json.text(node, "friendlyName", "FriendlyName", "friendly_name"),
                Json.text(node, "state", "State"),
                Json.text(node, "vendor_license_id", "Vendor_License_Id", "vendorLicenseId", "vendorSubscriptionId"),
                Json.integer(node, "seats", "Seats"));
    }
}
