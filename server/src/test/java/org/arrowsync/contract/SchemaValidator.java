package org.arrowsync.contract;

import io.swagger.v3.oas.models.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.arrowsync.shared.Uuids;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON document against an OpenAPI 3.0 schema (fully resolved): types, nullability, required, enums, formats,
 * patterns.
 */
final class SchemaValidator {

    private SchemaValidator() {}

    static List<String> validate(JsonNode node, Schema<?> schema) {
        List<String> errors = new ArrayList<>();
        check(node, schema, "$", errors);
        return errors;
    }

    @SuppressWarnings("rawtypes")
    private static void check(JsonNode node, Schema<?> schema, String at, List<String> errors) {
        if (schema == null) {
            return;
        }
        if (node == null || node.isNull()) {
            if (!Boolean.TRUE.equals(schema.getNullable())
                    && (schema.getType() != null || schema.getProperties() != null)) {
                errors.add(at + ": null is not allowed");
            }
            return;
        }
        if (schema.getAllOf() != null) {
            for (Schema part : schema.getAllOf()) {
                check(node, part, at, errors);
            }
        }
        if (schema.getOneOf() != null || schema.getAnyOf() != null) {
            List<Schema> options = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
            boolean any =
                    options.stream().anyMatch(option -> validate(node, option).isEmpty());
            if (!any) {
                errors.add(at + ": matches none of the alternatives");
            }
        }
        String type = schema.getType() != null ? schema.getType() : (schema.getProperties() != null ? "object" : null);
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> checkObject(node, schema, at, errors);
            case "array" -> {
                if (!node.isArray()) {
                    errors.add(at + ": expected an array, got " + node.getNodeType());
                } else {
                    for (int i = 0; i < node.size(); i++) {
                        check(node.get(i), schema.getItems(), at + "[" + i + "]", errors);
                    }
                }
            }
            case "string" -> checkString(node, schema, at, errors);
            case "integer" -> {
                if (!node.isIntegralNumber()) {
                    errors.add(at + ": expected an integer, got " + node);
                }
            }
            case "number" -> {
                if (!node.isNumber()) {
                    errors.add(at + ": expected a number, got " + node);
                }
            }
            case "boolean" -> {
                if (!node.isBoolean()) {
                    errors.add(at + ": expected a boolean, got " + node);
                }
            }
            default -> {}
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty() && node.isValueNode()) {
            boolean listed = schema.getEnum().stream()
                    .anyMatch(value -> String.valueOf(value).equals(node.asString()));
            if (!listed) {
                errors.add(at + ": " + node + " is not one of " + schema.getEnum());
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void checkObject(JsonNode node, Schema<?> schema, String at, List<String> errors) {
        if (!node.isObject()) {
            errors.add(at + ": expected an object, got " + node.getNodeType());
            return;
        }
        if (schema.getRequired() != null) {
            for (String required : schema.getRequired()) {
                Schema property = schema.getProperties() == null
                        ? null
                        : schema.getProperties().get(required);
                boolean writeOnly = property != null && Boolean.TRUE.equals(property.getWriteOnly());
                if (!node.has(required) && !writeOnly) {
                    errors.add(at + ": missing required property '" + required + "'");
                }
            }
        }
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                // Read-only fields the reference derives through a relation (invoice_uuid, plan_name, ...) are null
                // when the
                // relation is empty, though the generated contract does not say nullable: null is accepted there only.
                boolean derivedNull = Boolean.TRUE.equals(property.getValue().getReadOnly())
                        && node.get(property.getKey()) != null
                        && node.get(property.getKey()).isNull();
                if (node.has(property.getKey()) && !derivedNull) {
                    check(node.get(property.getKey()), property.getValue(), at + "." + property.getKey(), errors);
                }
            }
        }
    }

    private static void checkString(JsonNode node, Schema<?> schema, String at, List<String> errors) {
        if (!node.isString()) {
            errors.add(at + ": expected a string, got " + node);
            return;
        }
        String value = node.asString();
        String format = schema.getFormat();
        if (format != null) {
            boolean ok = switch (format) {
                case "uuid" -> Uuids.parse(value).isPresent();
                case "date-time" -> parses(() -> OffsetDateTime.parse(value));
                case "date" -> parses(() -> LocalDate.parse(value));
                case "uri" -> value.startsWith("http://") || value.startsWith("https://");
                default -> true;
            };
            if (!ok) {
                errors.add(at + ": '" + value + "' is not a valid " + format);
            }
        }
        if (schema.getPattern() != null
                && !Pattern.compile(schema.getPattern()).matcher(value).find()) {
            errors.add(at + ": '" + value + "' does not match " + schema.getPattern());
        }
        if (schema.getMaxLength() != null && value.length() > schema.getMaxLength()) {
            errors.add(at + ": longer than " + schema.getMaxLength());
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
