package org.arrowsync.ledger;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A provisioned marketplace resource; Arrow licenses become resources, with their XSP reference in the attributes. */
public record Resource(
        long id,
        UUID uuid,
        String name,
        String backendId,
        String state,
        Ref offering,
        Ref project,
        Ref customer,
        Ref plan,
        JsonNode attributes,
        JsonNode report,
        JsonNode currentUsages,
        Instant created,
        Instant modified) {

    public static final String LICENSE_ATTRIBUTE = "arrow_license_reference";
    /** Arrow's vendor subscription id of the license, as resource sync records it (and as its backend id, D14). */
    public static final String SUBSCRIPTION_ATTRIBUTE = "arrow_subscription_id";
    /** The Arrow vendor of the license, as resource sync records it. */
    public static final String VENDOR_ATTRIBUTE = "arrow_vendor";
    /** The Arrow classification of the license (IAAS, SAAS, …), as resource sync records it. */
    public static final String CLASSIFICATION_ATTRIBUTE = "arrow_classification";

    /** The XSP license reference this resource is billed under, or empty. */
    public String licenseReference() {
        return attribute(LICENSE_ATTRIBUTE);
    }

    /** A text attribute, empty when the resource has none. */
    public String attribute(String name) {
        JsonNode value = attributes == null ? null : attributes.get(name);
        return value == null || value.isNull() ? "" : value.asString();
    }

    /** Whether Arrow work can follow this resource: it names its license (D12). */
    public boolean isLicensed() {
        return !licenseReference().isBlank();
    }

    /** A linked object: its row id, uuid and name, as list views show them without another query. */
    public record Ref(long id, UUID uuid, String name) {}

    /** The resource as an invoice item names it. */
    public Ref ref() {
        return new Ref(id, uuid, name);
    }
}
