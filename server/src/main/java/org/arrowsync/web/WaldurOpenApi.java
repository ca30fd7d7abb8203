package org.arrowsync.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.OperationIds;
import org.arrowsync.shared.PageRequest;
import org.springframework.web.method.HandlerMethod;

/**
 * Waldur's API conventions, applied to what springdoc reads from the controllers so that each holds for every operation
 * without being repeated on it:
 *
 * <ul>
 *   <li>operation ids as Waldur (drf-spectacular) names them: path words, then {@code list}, {@code retrieve},
 *       {@code create}, {@code update}, {@code partial_update}, {@code destroy} or the action's own name; a HEAD
 *       {@code x_count} beside every list;
 *   <li>lists take {@code page} and {@code page_size} and answer {@code X-Result-Count} and {@code Link} headers;
 *   <li>an operation's parameters come by name;
 *   <li>queued work (202) names its job in {@code Location};
 *   <li>a response carries every property it describes (unless the record leaves it out when null); a request only
 *       those its record marks required, and a PATCH body none ({@code Patched…});
 *   <li>tags by task, in the order an operator meets them; the operations of Waldur's Arrow admin API also carry its
 *       one tag, {@code admin}, first, after which a generated client names its class ({@code AdminApi});
 *   <li>enums the contract names as components ({@code InvoicePriceSourceEnum}, {@code ArrowBillingSyncStateEnum}) are
 *       those components, so that a generated client has the same enum types.
 * </ul>
 */
final class WaldurOpenApi {

    static final String WALDUR_TAG = "admin";

    /** The paths of Waldur's Arrow admin API: the contract's, which Waldur tags {@link #WALDUR_TAG}. */
    private static final List<String> WALDUR_PATHS = List.of(
            "/api/admin/arrow/billing-sync-items/",
            "/api/admin/arrow/billing-syncs/",
            "/api/admin/arrow/consumption-records/",
            "/api/admin/arrow/customer-mappings/",
            "/api/admin/arrow/settings/",
            "/api/admin/arrow/vendor-offering-mappings/");

    /** The enums Waldur's description names as components, by the property that holds one and its values. */
    private static final List<NamedEnum> NAMED_ENUMS = List.of(
            new NamedEnum("invoice_price_source", List.of("sell", "buy"), "InvoicePriceSourceEnum", "string"),
            new NamedEnum("state", List.of(1, 2, 3, 4), "ArrowBillingSyncStateEnum", "integer"));

    /**
     * The contract's creates, by operation id, and the links each answers as the UUID it was sent where a read of the
     * same object gives the hyperlink: the create's bodies are components of their own, named as the contract names
     * them ({@code …Create}, {@code …CreateRequest}), so that a generated client has the contract's types.
     */
    private static final Map<String, List<String>> CREATES = Map.of(
            "admin_arrow_customer_mappings_create", List.of("settings", "waldur_customer"),
            "admin_arrow_settings_create", List.of(),
            "admin_arrow_vendor_offering_mappings_create", List.of("settings"));

    /** The tags by task, in the order of a first session: set up, map, bill, track consumption, price, watch jobs. */
    private static final List<Tag> TAGS = List.of(
            tag("Setup", "Arrow API credentials and settings: validate, preview, save, discover customers"),
            tag("Customer mappings", "Arrow customers mapped to operator customers; license discovery and linking"),
            tag("Vendor mappings", "Arrow vendors mapped to offerings and plans"),
            tag("Billing", "Billing syncs of Arrow's monthly billing export, their items and reconciliation"),
            tag("Consumption", "Provisional consumption per licensed resource, finalisation and statistics"),
            tag("Margins", "Price rules, re-pricing a month under them, margin reports and the month's lines as CSV"),
            tag("Jobs", "Queued work: what runs, how far it got and how it ended"),
            tag("Ledger", "Customers, projects, offerings, resources and the invoices arrowsync writes"),
            tag("Users", "API users and their tokens"),
            tag("Audit", "Who changed what, when, from where and why: every change, read-only"),
            tag("Webhooks", "Signed alerts to your endpoints when billing goes wrong, and their delivery log"),
            tag("Backup", "A consistent backup of all data, downloaded while the server keeps running"),
            tag(
                    WaldurOpenApi.WALDUR_TAG,
                    "Every operation of Waldur's Arrow admin API, under Waldur's one tag: a client generated from"
                            + " Waldur's description names its class after it"));

    private WaldurOpenApi() {}

    /** A list of its own: springdoc adds the controllers' tags to it. */
    static List<Tag> tags() {
        return new ArrayList<>(TAGS);
    }

    /** Per operation, with the Java method at hand: what the method's signature says about the wire. */
    static Operation operation(Operation operation, HandlerMethod method) {
        io.swagger.v3.oas.annotations.Operation declared =
                method.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            operation.setOperationId(null); // named from its path in document()
        }
        boolean paged = Arrays.stream(method.getMethodParameters())
                .anyMatch(parameter -> PageRequest.class.equals(parameter.getParameterType()));
        if (paged) {
            operation.addParametersItem(query("page", "A page number within the paginated result set."));
            operation.addParametersItem(query("page_size", "Number of results to return per page (at most 300)."));
        }
        if (operation.getParameters() != null) {
            typeTextParameters(operation.getParameters());
        }
        ApiResponses responses = operation.getResponses();
        if (Listing.class.equals(method.getReturnType().getParameterType()) && responses.get("200") != null) {
            responses
                    .get("200")
                    .addHeaderObject(
                            ListingResponses.RESULT_COUNT,
                            new Header()
                                    .description("Total number of results available")
                                    .schema(new IntegerSchema().format(null)))
                    .addHeaderObject(
                            "Link",
                            new Header()
                                    .description("The first, previous, next and last pages (RFC 8288)")
                                    .schema(new StringSchema()));
        }
        if (responses.get("202") != null) {
            responses
                    .get("202")
                    .addHeaderObject(
                            "Location",
                            new Header()
                                    .description("The queued job: follow it here")
                                    .schema(new StringSchema().format("uri")));
        }
        return operation;
    }

    /** Over the whole document, once every operation is in. */
    static void document(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach(WaldurOpenApi::nameOperations);
        openApi.getPaths().values().forEach(WaldurOpenApi::sortParameters);
        openApi.getPaths().forEach(WaldurOpenApi::addCountOperation);
        openApi.getPaths().forEach(WaldurOpenApi::tagAsWaldur);
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        nameEnums(schemas);
        openApi.getPaths().values().forEach(path -> {
            if (path.getPatch() != null) {
                patchedBody(path.getPatch(), schemas);
            }
            if (path.getPost() != null && CREATES.containsKey(path.getPost().getOperationId())) {
                createBodies(path.getPost(), schemas);
            }
        });
        requireWhatResponsesAlwaysCarry(openApi, schemas);
        schemas.values().forEach(WaldurOpenApi::dropMarks);
        if (openApi.getTags() != null) {
            List<String> order = TAGS.stream().map(Tag::getName).toList();
            openApi.getTags().sort(Comparator.comparingInt(tag -> {
                int index = order.indexOf(tag.getName());
                return index < 0 ? order.size() : index;
            }));
        }
    }

    private static void nameOperations(String url, PathItem path) {
        path.readOperationsMap().forEach((method, operation) -> {
            if (operation.getOperationId() == null) {
                operation.setOperationId(operationId(url, method, operation));
            }
        });
    }

    /**
     * By name, as drf-spectacular orders them ({@code SORT_OPERATION_PARAMETERS}): a generated client's method takes
     * them in this order, so code written against Waldur's description passes each value as the same parameter here.
     */
    private static void sortParameters(PathItem path) {
        path.readOperations().stream()
                .map(Operation::getParameters)
                .filter(Objects::nonNull)
                .forEach(parameters -> parameters.sort(Comparator.comparing(Parameter::getName)));
    }

    static String operationId(String url, HttpMethod method, Operation operation) {
        return OperationIds.of(url, method.name(), answersArray(operation));
    }

    private static boolean answersArray(Operation operation) {
        ApiResponse ok = operation.getResponses() == null
                ? null
                : operation.getResponses().get("200");
        MediaType json =
                ok == null || ok.getContent() == null ? null : ok.getContent().get("application/json");
        return json != null && json.getSchema() instanceof ArraySchema;
    }

    /**
     * Spring answers HEAD from every GET; the description names it, as Waldur does, for every GET of Waldur's paths not
     * addressed by a uuid ({@code x_list} or {@code x_retrieve} → {@code x_count}), and of ours for the paged lists
     * alone, whose HEAD gives their count ({@code X-Result-Count}); a report, unpaged, has none.
     */
    private static void addCountOperation(String url, PathItem path) {
        Operation list = path.getGet();
        String id = list == null ? null : list.getOperationId();
        if (id != null
                && path.getHead() == null
                && !url.contains("{")
                && (id.endsWith("_list") || id.endsWith("_retrieve"))
                && (WALDUR_PATHS.stream().anyMatch(url::startsWith) || paged(list))) {
            path.setHead(new Operation()
                    .operationId(id.substring(0, id.lastIndexOf('_')) + "_count")
                    .tags(list.getTags())
                    .summary("Count: " + Objects.requireNonNullElse(list.getSummary(), id))
                    .parameters(list.getParameters())
                    .description("Get number of items in the collection matching the request parameters.")
                    .responses(new ApiResponses()
                            .addApiResponse("200", new ApiResponse().description("No response body"))));
        }
    }

    private static boolean paged(Operation list) {
        return list.getParameters() != null
                && list.getParameters().stream().anyMatch(parameter -> "page".equals(parameter.getName()));
    }

    /** An operation of Waldur's Arrow admin API carries Waldur's tag first, then its task's. */
    private static void tagAsWaldur(String url, PathItem path) {
        if (WALDUR_PATHS.stream().noneMatch(url::startsWith)) {
            return;
        }
        path.readOperations().forEach(operation -> {
            List<String> tags = new ArrayList<>(List.of(WALDUR_TAG));
            if (operation.getTags() != null) {
                operation.getTags().stream()
                        .filter(tag -> !tag.equals(WALDUR_TAG))
                        .forEach(tags::add);
            }
            operation.setTags(tags);
        });
    }

    /**
     * A property holding one of {@link #NAMED_ENUMS} refers to its component ({@code allOf}, keeping its description
     * and whether it is read-only or nullable), as Waldur's description has it.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nameEnums(Map<String, Schema> schemas) {
        for (Schema schema : List.copyOf(schemas.values())) {
            if (schema.getProperties() == null) {
                continue;
            }
            Map<String, Schema> properties = schema.getProperties();
            for (NamedEnum named : NAMED_ENUMS) {
                Schema property = properties.get(named.property());
                if (property == null || property.getEnum() == null || !named.holds(property.getEnum())) {
                    continue;
                }
                schemas.computeIfAbsent(named.component(), key -> named.schema());
                Schema reference = new Schema<>()
                        .allOf(List.of(new Schema<>().$ref("#/components/schemas/" + named.component())))
                        .description(property.getDescription())
                        .readOnly(property.getReadOnly());
                if (Boolean.TRUE.equals(property.getNullable())) {
                    reference.setNullable(true);
                }
                properties.put(named.property(), reference);
            }
        }
    }

    /** An enum Waldur's description names: the property that holds it, its values, its component and type. */
    private record NamedEnum(String property, List<Object> values, String component, String type) {

        /** Whether a property's enum is this one (springdoc writes an integer enum's values as numbers or text). */
        boolean holds(List<?> found) {
            return found.stream()
                    .map(String::valueOf)
                    .toList()
                    .equals(values.stream().map(String::valueOf).toList());
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        Schema schema() {
            Schema schema = type.equals("integer") ? new IntegerSchema().format(null) : new StringSchema();
            schema.setEnum(new ArrayList<>(values));
            return schema;
        }
    }

    /** A PATCH body is the update body with nothing required: absent fields keep their values. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void patchedBody(Operation patch, Map<String, Schema> schemas) {
        MediaType json = json(
                patch.getRequestBody() == null ? null : patch.getRequestBody().getContent());
        if (json == null) {
            return;
        }
        String name = refName(json.getSchema().get$ref());
        if (name.startsWith("Patched")) {
            return; // already done: the document is customised once, but stay safe if it is asked again
        }
        Schema body = schemas.get(name);
        String patchedName = "Patched" + name;
        schemas.computeIfAbsent(
                patchedName,
                key -> new ObjectSchema()
                        .description(body.getDescription())
                        .properties(new LinkedHashMap<String, Schema>(body.getProperties())));
        patch.getRequestBody()
                .content(new Content()
                        .addMediaType(
                                "application/json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + patchedName))));
    }

    /**
     * A create's request and answer under the contract's names: a copy of the record its update takes and of the one a
     * read answers, the links it takes and echoes ({@link #CREATES}) as UUIDs, where its update (and the PATCH, which
     * shares the update's properties) takes them as hyperlinks. Each body accepts either form; a client generated from
     * this document types each as the contract's does. Done once, as {@link #patchedBody}.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void createBodies(Operation create, Map<String, Schema> schemas) {
        List<String> links = CREATES.get(create.getOperationId());
        MediaType request = json(
                create.getRequestBody() == null ? null : create.getRequestBody().getContent());
        if (request != null) {
            String name = refName(request.getSchema().get$ref());
            if (!name.endsWith("CreateRequest")) {
                String created = name.substring(0, name.length() - "Request".length()) + "CreateRequest";
                Schema update = schemas.get(name);
                schemas.computeIfAbsent(created, key -> copy(update, asUuids(update, links)));
                links.forEach(link -> ((Schema) update.getProperties().get(link)).setFormat("uri"));
                request.setSchema(new Schema<>().$ref("#/components/schemas/" + created));
            }
        }
        ApiResponse answer = create.getResponses().get("201");
        MediaType response = json(answer == null ? null : answer.getContent());
        if (response != null && !refName(response.getSchema().get$ref()).endsWith("Create")) {
            String name = refName(response.getSchema().get$ref());
            schemas.computeIfAbsent(name + "Create", key -> copy(schemas.get(name), asUuids(schemas.get(name), links)));
            response.setSchema(new Schema<>().$ref("#/components/schemas/" + name + "Create"));
        }
    }

    /** The {@code links} of {@code body} as UUIDs, each described as before. */
    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> asUuids(Schema body, List<String> links) {
        Map<String, Schema> uuids = new LinkedHashMap<>();
        for (String link : links) {
            Schema original = (Schema) body.getProperties().get(link);
            uuids.put(link, new StringSchema().format("uuid").description(original.getDescription()));
        }
        return uuids;
    }

    /** The body of a request or response as JSON, when it names a component. */
    private static MediaType json(Content content) {
        MediaType json = content == null ? null : content.get("application/json");
        return json == null || json.getSchema() == null || json.getSchema().get$ref() == null ? null : json;
    }

    /** A component's copy, with some of its properties replaced. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema copy(Schema original, Map<String, Schema> replaced) {
        Map<String, Schema> properties = new LinkedHashMap<>(original.getProperties());
        properties.putAll(replaced);
        Schema copy = new ObjectSchema().description(original.getDescription()).properties(properties);
        copy.setRequired(original.getRequired() == null ? null : new ArrayList<>(original.getRequired()));
        if (original.getExtensions() != null) {
            copy.setExtensions(new LinkedHashMap<>(original.getExtensions()));
        }
        return copy;
    }

    /** Response records are written whole: every property is there (null or not) unless the record omits nulls. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void requireWhatResponsesAlwaysCarry(OpenAPI openApi, Map<String, Schema> schemas) {
        Set<String> requests = new HashSet<>();
        Set<String> responses = new HashSet<>();
        openApi.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null) {
                        operation
                                .getRequestBody()
                                .getContent()
                                .values()
                                .forEach(media -> reach(media.getSchema(), schemas, requests));
                    }
                    if (operation.getResponses() != null) {
                        operation.getResponses().values().stream()
                                .filter(response -> response.getContent() != null)
                                .flatMap(response -> response.getContent().values().stream())
                                .forEach(media -> reach(media.getSchema(), schemas, responses));
                    }
                }));
        responses.removeAll(requests);
        for (String name : responses) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            Object omitted = schema.getExtensions() == null
                    ? null
                    : schema.getExtensions().get(WireSchemas.OMITTED);
            List<String> carried = ((Map<String, Schema>) schema.getProperties())
                    .keySet().stream()
                            .filter(property -> !(omitted instanceof List<?> names && names.contains(property)))
                            .toList();
            schema.setRequired(carried.isEmpty() ? null : carried);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void reach(Schema start, Map<String, Schema> schemas, Set<String> reached) {
        Deque<Schema> todo = new ArrayDeque<>();
        if (start != null) {
            todo.push(start);
        }
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema.get$ref() != null) {
                String name = refName(schema.get$ref());
                if (reached.add(name) && schemas.get(name) != null) {
                    todo.push(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                ((Map<String, Schema>) schema.getProperties()).values().forEach(todo::push);
            }
            if (schema.getItems() != null) {
                todo.push(schema.getItems());
            }
            for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null) {
                    parts.forEach(todo::push);
                }
            }
            if (schema.getAdditionalProperties() instanceof Schema more) {
                todo.push(more);
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void dropMarks(Schema schema) {
        if (schema.getExtensions() != null) {
            schema.getExtensions().remove(WireSchemas.OMITTED);
            if (schema.getExtensions().isEmpty()) {
                schema.setExtensions(null);
            }
        }
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /**
     * The wire types of parameters a controller takes as text and checks itself ({@code Filters}: a 400 that names the
     * field, where Spring's conversion would give its own), by Waldur's names: {@code uuid} and {@code *_uuid} are
     * UUIDs, {@code is_*}, {@code has_*} and {@code *_enabled} booleans, {@code billing_period*} dates, and a filter
     * beside its {@code <name>_uuid} twin the object's hyperlink. A parameter typed otherwise keeps its type.
     */
    private static void typeTextParameters(List<Parameter> parameters) {
        Set<String> names = new HashSet<>();
        parameters.forEach(parameter -> names.add(parameter.getName()));
        for (Parameter parameter : parameters) {
            Schema<?> schema = parameter.getSchema();
            if (schema == null || schema.getFormat() != null || schema.getEnum() != null || !isText(schema)) {
                continue;
            }
            String name = parameter.getName();
            if (name.equals("uuid") || name.endsWith("_uuid")) {
                parameter.schema(new StringSchema().format("uuid"));
            } else if (name.startsWith("is_") || name.startsWith("has_") || name.endsWith("_enabled")) {
                parameter.schema(new BooleanSchema());
            } else if (name.startsWith("billing_period")) {
                parameter.schema(new StringSchema().format("date"));
            } else if (names.contains(name + "_uuid")) {
                parameter.schema(new StringSchema().format("uri"));
            }
        }
    }

    private static boolean isText(Schema<?> schema) {
        return "string".equals(schema.getType())
                || schema.getType() == null && Set.of("string").equals(schema.getTypes());
    }

    /** A page number or size: an integer, as Waldur documents it (no {@code int32} format). */
    private static Parameter query(String name, String description) {
        return new Parameter()
                .in("query")
                .name(name)
                .required(false)
                .description(description)
                .schema(new IntegerSchema().format(null));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
