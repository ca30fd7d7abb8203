package org.arrowsync.arrowclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A billing export type (template).
 *
 * @param description null when not given
 * @param isDefault false when not given
 */
public record ExportType(String reference, String name, String description, boolean isDefault) {

    /** {@code data.exportTypes} as a map {@code reference → name (or object)} or a list of objects. */
    static List<ExportType> listFrom(JsonNode exportTypes) {
        List<ExportType> types = new ArrayList<>();
        if (exportTypes.isObject()) {
            for (Map.Entry<String, JsonNode> entry : exportTypes.properties()) {
                JsonNode value = entry.getValue();
                types.add(
                        value.isObject()
                                ? of(entry.getKey(), value)
                                : new ExportType(entry.getKey(), Json.text(value), null, false));
            }
        } else {
            for (JsonNode node : Json.elements(exportTypes)) {
                types.add(of(Json.required("an export type", node, "reference", "ref", "Reference"), node));
            }
        }
        return types;
    }

    private static ExportType of(String reference, JsonNode node) {
        String isDefault = Json.text(node, "isDefault", "IsDefault");
        return new ExportType(
                reference,
                Json.text(node, "name", "Name"),
                Json.text(node, "description", "Description"),
                Boolean.parseBoolean(isDefault));
    }
}
