package org.arrowsync.arrowclient;

import tools.jackson.databind.JsonNode;

/**
 * One license ({@code GET licenses/{ref}}): the typed fields, and {@code data.license} verbatim for the endpoint that
 * passes it through.
 */
public record LicenseDetails(License license, JsonNode raw) {

    public LicenseDetails {
        raw = raw.deepCopy();
    }

    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }
}
