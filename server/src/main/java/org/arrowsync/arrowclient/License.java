package org.arrowsync.arrowclient;

import tools.jackson.databind.JsonNode;

/**
 * A customer's license (ArrowSphere's word for a subscription). The find endpoint names it {@code partner_ref} with
 * {@code vendor_subscription_id}, {@code friendly_name}, {@code offer}, {@code seat} and {@code status_label}; one
 * license ({@code GET licenses/{ref}}) says {@code license_id}, {@code vendor_license_id}, {@code friendlyName},
 * {@code name}, {@code seats} and {@code state}; recordings show PascalCase. Every spelling is accepted.
 *
 * @param reference the XSP license reference
 * @param customerReference the XSP customer reference
 * @param vendorSubscriptionId the vendor-side id, e.g. an Azure subscription or an AWS account
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
                Json.required("a license", node, "license_id", "partner_ref", "License_Id", "licenseId", "partnerRef"),
                Json.text(node, "customer_ref", "Customer_Ref", "customerRef"),
                Json.text(node, "service_ref", "Service_Ref", "serviceRef"),
                Json.text(node, "sku", "Sku"),
                Json.text(node, "name", "offer", "Name"),
                Json.text(node, "friendlyName", "friendly_name", "FriendlyName"),
                Json.text(node, "state", "status_label", "State"),
                Json.text(
                        node,
                        "vendor_license_id",
                        "vendor_subscription_id",
                        "Vendor_License_Id",
                        "vendorLicenseId",
                        "vendorSubscriptionId"),
                Json.integer(node, "seats", "seat", "Seats"));
    }
}
