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

    /** The XSP license reference this resource is billed under, or empty. */
    public String licenseReference() {
        JsonNode value = attributes == null ? null : attributes.get(LICENSE_ATTRIBUTE);
        return value == null || value.isNull() ? "" : value.asString();
    }

    /** Whether Arrow work can follow this resource: it names its license (D12). */
    public boolean isLicensed() {
        return !licenseReference().isBlank();
    }

    /** A linked object: its row id, uuid and name, as list views show them without another query. */
    public record Ref(long id, UUID uuid, String name) {}
}
