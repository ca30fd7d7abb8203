package org.arrowsync.settings;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.shared.Money;

/**
 * One ArrowSphere connection and how its billing lands in invoices. The API key never leaves through
 * {@link #toString()}.
 */
public record Settings(
        long id,
        UUID uuid,
        String apiUrl,
        String apiKey,
        String exportTypeReference,
        String classificationFilter,
        boolean active,
        boolean syncEnabled,
        String partnerReference,
        String partnerName,
        PriceSource priceSource,
        String itemPrefix,
        String currency,
        Instant created,
        Instant modified) {

    public static final String DEFAULT_ITEM_PREFIX = "Arrow consumption";
    /** The classification a new settings record reads Arrow's export with unless told otherwise. */
    public static final String DEFAULT_CLASSIFICATION = "IAAS";

    public ArrowConnection connection() {
        return new ArrowConnection(URI.create(apiUrl), apiKey);
    }

    /**
     * The currency of an export line: the one its currency column names, else the record's (D9, D261), for an export
     * template without the column.
     */
    public String currencyOf(String named) {
        String code = Money.currency(named);
        return code == null ? currency : code;
    }

    /** A blank prefix reads as the default, as in the reference. */
    public String itemPrefixOrDefault() {
        return itemPrefix == null || itemPrefix.isBlank() ? DEFAULT_ITEM_PREFIX : itemPrefix;
    }

    public boolean hasExportTemplate() {
        return exportTypeReference != null && !exportTypeReference.isBlank();
    }

    /** These settings, when they name the billing-export template every export call needs. */
    public Settings requireExportTemplate() {
        if (!hasExportTemplate()) {
            throw new ExportTemplateMissing(this);
        }
        return this;
    }

    @Override
    public String toString() {
        return "Settings[uuid=" + uuid + ", apiUrl=" + apiUrl + ", active=" + active + "]";
    }
}
