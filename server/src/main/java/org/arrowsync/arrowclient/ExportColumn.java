package org.arrowsync.arrowclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A column an export type may contain: its reference and the header name it appears under. */
public record ExportColumn(String reference, String name) {

    /** {@code data.columns} as a map {@code reference → name} or a list of {@code {reference, name}}. */
    static List<ExportColumn> listFrom(JsonNode columns) {
        List<ExportColumn> out = new ArrayList<>();
        if (columns.isObject()) {
            for (Map.Entry<String, JsonNode> entry : columns.properties()) {
                out.add(new ExportColumn(entry.getKey(), Json.text(entry.getValue())));
            }
        } else {
            for (JsonNode node : Json.elements(columns)) {
                out.add(new ExportColumn(
                        Json.required("an export column", node, "reference", "ref"), Json.text(node, "name", "Name")));
            }
        }
        return out;
    }
}
