package org.arrowsync.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares two OpenAPI documents operation by operation, as the wire sees them: parameters (name, in, required, type,
 * format, and their order, a generated method's signature), request body, status codes, and request and response
 * schemas (property names, types, formats, nullable, required, enums, and a request's bounds: minimum, maximum,
 * minLength, maxLength), following {@code $ref}s; and as a generated client's code meets them: an operation's first tag
 * (its API class) and the name of every schema the expected document names, in a body or inside one (its model and enum
 * types). A difference inside a named schema is reported once, under the expected document's schema name
 * ({@code ArrowBillingSync.invoice_uuid: nullable …}), an operation's own under its operation id.
 *
 * <p>Two refinements are not differences: a response property the actual document requires where the expected one
 * leaves it optional (the response always carries it, which satisfies both), and properties named inside what the
 * expected document leaves a free-form object.
 */
final class DocumentComparison {

    private final OpenAPI expected;
    private final OpenAPI actual;
    private final Set<String> differences = new TreeSet<>();
    private final Set<String> compared = new HashSet<>();

    private DocumentComparison(OpenAPI expected, OpenAPI actual) {
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * Every way {@code actual} describes {@code expected}'s operations differently; empty when it describes them alike.
     */
    static Set<String> differences(OpenAPI expected, OpenAPI actual) {
        DocumentComparison comparison = new DocumentComparison(expected, actual);
        expected.getPaths().forEach(comparison::comparePath);
        return comparison.differences;
    }

    private void comparePath(String url, PathItem expectedPath) {
        PathItem actualPath =
                actual.getPaths() == null ? null : actual.getPaths().get(url);
        Map<String, Operation> actualOperations = actualPath == null ? Map.of() : Contract.operations(actualPath);
        Contract.operations(expectedPath).forEach((method, operation) -> {
            String id = operation.getOperationId();
            Operation mine = actualOperations.get(method);
            if (mine == null) {
                differences.add(id + ": not served (" + method + " " + url + ")");
                return;
            }
            if (!id.equals(mine.getOperationId())) {
                differences.add(id + ": served as " + mine.getOperationId());
            }
            same(id, "first tag", firstTag(operation), firstTag(mine));
            compareParameters(id, operation.getParameters(), mine.getParameters());
            compareBodies(id, operation.getRequestBody(), mine.getRequestBody());
            compareResponses(id, operation, mine);
        });
    }

    private void compareParameters(String id, List<Parameter> expectedParameters, List<Parameter> actualParameters) {
        Set<String> want = describe(expectedParameters);
        Set<String> have = describe(actualParameters);
        Set<String> missing = new TreeSet<>(want);
        missing.removeAll(have);
        Set<String> extra = new TreeSet<>(have);
        extra.removeAll(want);
        if (!missing.isEmpty()) {
            differences.add(id + ": parameters not served " + missing);
        }
        if (!extra.isEmpty()) {
            differences.add(id + ": parameters not in the contract " + extra);
        }
        List<String> wantOrder = names(expectedParameters);
        List<String> haveOrder = names(actualParameters);
        List<String> inBoth = wantOrder.stream().filter(haveOrder::contains).toList();
        if (!inBoth.equals(haveOrder.stream().filter(wantOrder::contains).toList())) {
            differences.add(id + ": parameters in the order " + wantOrder + ", served " + haveOrder);
        }
    }

    /**
     * The parameters' names in their order: a generated client's method takes them so, and code written against one
     * order sends one filter's value as another's under the other.
     */
    private List<String> names(List<Parameter> parameters) {
        return parameters == null
                ? List.of()
                : parameters.stream()
                        .map(parameter -> resolved(parameter).getName())
                        .toList();
    }

    private Set<String> describe(List<Parameter> parameters) {
        if (parameters == null) {
            return Set.of();
        }
        return parameters.stream()
                .map(this::resolved)
                .map(parameter -> parameter.getName() + " (in " + parameter.getIn()
                        + (Boolean.TRUE.equals(parameter.getRequired()) ? ", required" : "")
                        + typeOf(parameter.getSchema()) + ")")
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Parameter resolved(Parameter parameter) {
        return parameter.get$ref() != null
                ? expected.getComponents().getParameters().get(name(parameter.get$ref()))
                : parameter;
    }

    /** A parameter's type and format as a client generated from the document types it: {@code , boolean}. */
    private static String typeOf(Schema<?> schema) {
        if (schema == null) {
            return "";
        }
        if (schema.get$ref() != null) {
            return ", " + name(schema.get$ref());
        }
        String type = schema.getType() != null
                ? schema.getType()
                : schema.getTypes() == null ? null : String.join("|", new TreeSet<>(schema.getTypes()));
        return (type == null ? "" : ", " + type) + (schema.getFormat() == null ? "" : " " + schema.getFormat());
    }

    private void compareBodies(String id, RequestBody want, RequestBody have) {
        if (want == null || have == null) {
            if (want != have) {
                differences.add(id + ": request body " + (want == null ? "not in the contract" : "not served"));
            }
            return;
        }
        if (Boolean.TRUE.equals(want.getRequired()) != Boolean.TRUE.equals(have.getRequired())) {
            differences.add(id + ": request body required " + Boolean.TRUE.equals(want.getRequired()) + ", served "
                    + Boolean.TRUE.equals(have.getRequired()));
        }
        compareSchemas(id + " request", json(want.getContent()), json(have.getContent()), false);
    }

    private static String firstTag(Operation operation) {
        return operation.getTags() == null || operation.getTags().isEmpty()
                ? null
                : operation.getTags().get(0);
    }

    /** The schema a schema names, itself ({@code $ref}) or as its one {@code allOf} part: a generated client's type. */
    @SuppressWarnings("rawtypes")
    private static String namedAs(Schema schema) {
        if (schema.get$ref() != null) {
            return name(schema.get$ref());
        }
        if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
            return namedAs((Schema) schema.getAllOf().get(0));
        }
        return null;
    }

    private void compareResponses(String id, Operation want, Operation have) {
        Set<String> wantCodes = new TreeSet<>(want.getResponses().keySet());
        Set<String> haveCodes = have.getResponses() == null
                ? Set.of()
                : new TreeSet<>(have.getResponses().keySet());
        if (!wantCodes.equals(haveCodes)) {
            differences.add(id + ": status " + wantCodes + ", served " + haveCodes);
        }
        for (String code : wantCodes) {
            if (haveCodes.contains(code)) {
                ApiResponse wanted = want.getResponses().get(code);
                ApiResponse had = have.getResponses().get(code);
                compareSchemas(id + " " + code, json(wanted.getContent()), json(had.getContent()), true);
            }
        }
    }

    private static Schema<?> json(io.swagger.v3.oas.models.media.Content content) {
        MediaType media = content == null ? null : content.get("application/json");
        return media == null ? null : media.getSchema();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void compareSchemas(String where, Schema want, Schema have, boolean response) {
        if (want == null || have == null) {
            if (want != have) {
                differences.add(where + ": body " + (want == null ? "not in the contract" : "not served"));
            }
            return;
        }
        String wantNamed = namedAs(want);
        if (wantNamed != null && !wantNamed.equals(namedAs(have))) {
            differences.add(where + ": named " + wantNamed + ", served "
                    + Objects.requireNonNullElse(namedAs(have), "unnamed"));
        }
        String wantName = want.get$ref() == null ? null : name(want.get$ref());
        String haveName = have.get$ref() == null ? null : name(have.get$ref());
        if (wantName != null) {
            where = wantName;
        }
        if (wantName != null || haveName != null) {
            if (!compared.add(wantName + "|" + haveName + "|" + where + "|" + response)) {
                return;
            }
        }
        Schema w = flatten(resolve(want, expected), expected);
        Schema h = flatten(resolve(have, actual), actual);
        same(where, "type", type(w), type(h));
        same(where, "format", w.getFormat(), h.getFormat());
        same(where, "nullable", Boolean.TRUE.equals(w.getNullable()), Boolean.TRUE.equals(h.getNullable()));
        same(where, "enum", values(w.getEnum()), values(h.getEnum()));
        if (!response) {
            // what a request may hold: a client generated from the document checks it before it sends
            same(where, "minimum", number(w.getMinimum()), number(h.getMinimum()));
            same(where, "maximum", number(w.getMaximum()), number(h.getMaximum()));
            same(where, "minLength", w.getMinLength(), h.getMinLength());
            same(where, "maxLength", w.getMaxLength(), h.getMaxLength());
        }
        if ("array".equals(type(w)) && "array".equals(type(h))) {
            compareSchemas(where + "[]", w.getItems(), h.getItems(), response);
        }
        Map<String, Schema> wantProperties = w.getProperties() == null ? Map.of() : w.getProperties();
        Map<String, Schema> haveProperties = h.getProperties() == null ? Map.of() : h.getProperties();
        for (String property : wantProperties.keySet()) {
            if (!haveProperties.containsKey(property)) {
                differences.add(where + "." + property + ": not served");
            }
        }
        // a free-form object in the contract ({type: object, additionalProperties: {}}) admits any properties
        boolean freeForm = "object".equals(type(w)) && wantProperties.isEmpty();
        for (String property : haveProperties.keySet()) {
            if (!wantProperties.containsKey(property) && !freeForm) {
                differences.add(where + "." + property + ": not in the contract");
            }
        }
        Set<String> wantRequired = w.getRequired() == null ? Set.of() : new TreeSet<>(w.getRequired());
        Set<String> haveRequired = h.getRequired() == null ? Set.of() : new TreeSet<>(h.getRequired());
        for (String property : wantProperties.keySet()) {
            boolean differs = wantRequired.contains(property) != haveRequired.contains(property);
            // a response may promise more than the contract: a property it always carries satisfies an optional one
            boolean promisedMore = response && haveRequired.contains(property);
            if (haveProperties.containsKey(property) && differs && !promisedMore) {
                differences.add(where + "." + property + ": required " + wantRequired.contains(property) + ", served "
                        + haveRequired.contains(property));
            }
        }
        for (Map.Entry<String, Schema> property : wantProperties.entrySet()) {
            Schema mine = haveProperties.get(property.getKey());
            if (mine != null) {
                compareSchemas(where + "." + property.getKey(), property.getValue(), mine, response);
            }
        }
    }

    private void same(String where, String what, Object want, Object have) {
        if (!Objects.equals(want, have)) {
            differences.add(where + ": " + what + " " + want + ", served " + have);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema resolve(Schema schema, OpenAPI document) {
        Schema current = schema;
        while (current.get$ref() != null) {
            current = document.getComponents().getSchemas().get(name(current.get$ref()));
        }
        return current;
    }

    /**
     * {@code allOf: [$ref Enum]} beside {@code nullable} or {@code readOnly} is how generators attach attributes to a
     * referenced schema; it describes the same values as the schema itself.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema flatten(Schema schema, OpenAPI document) {
        if (schema.getAllOf() == null || schema.getAllOf().size() != 1 || schema.getProperties() != null) {
            return schema;
        }
        Schema inner = resolve((Schema) schema.getAllOf().get(0), document);
        Schema merged = new Schema<>();
        merged.setType(inner.getType());
        merged.setFormat(inner.getFormat());
        merged.setEnum(inner.getEnum());
        merged.setNullable(Boolean.TRUE.equals(schema.getNullable()) || Boolean.TRUE.equals(inner.getNullable()));
        return merged;
    }

    @SuppressWarnings("rawtypes")
    private static String type(Schema schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        return schema.getProperties() != null ? "object" : null;
    }

    private static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static Set<String> values(List<?> values) {
        return values == null
                ? Set.of()
                : values.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
