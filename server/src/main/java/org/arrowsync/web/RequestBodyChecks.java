package org.arrowsync.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.TextRules;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request body, whatever endpoint reads it, once Jackson has read it: no text with characters no text may hold
 * ({@link TextRules}), no list (or free-form object) longer than {@link RequestLimits#maxItems()}, no null inside a
 * list, and no body that is the literal {@code null}. A violation is a 400 naming the field by its wire path
 * ({@code components.0.name}, answered nested as DRF nests it: {@link NestedFieldErrors}); nothing has been done yet.
 * On the contract's paths ({@code /api/admin/arrow/}) a body that is not an object is refused as DRF refuses it
 * ("Invalid data. Expected a dictionary, but got list."), and a field sent as {@code null} is refused as DRF refuses it
 * ("This field may not be null."), unless the contract lets it be null ({@code @Schema(nullable = true)}, or free-form
 * JSON such as a vendor mapping's {@code plan}), an optional boolean's among them (D183). Elsewhere a null reads as an
 * absent field.
 */
@ControllerAdvice
class RequestBodyChecks extends RequestBodyAdviceAdapter {

    private static final String CONTRACT_PATHS = "/api/admin/arrow/";

    private final int maxItems;
    private final JsonMapper json;
    private final DeserializationConfig config;
    private final PropertyNamingStrategy naming;

    RequestBodyChecks(RequestLimits limits, JsonMapper json) {
        this.maxItems = limits.maxItems();
        this.json = json;
        this.config = json.deserializationConfig();
        this.naming = config.getPropertyNamingStrategy();
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        // bounded already (RequestEdge): read whole, to refuse bytes that are not UTF-8 before Jackson decodes them
        byte[] body = input.getBody().readAllBytes();
        if (isJson(input.getHeaders().getContentType()) && !isUtf8(body)) {
            throw InvalidInput.of(InvalidInput.NON_FIELD_ERRORS, "The request body is not UTF-8.");
        }
        if (!(targetType instanceof Class<?> target) || !target.isRecord() || !onContractPath()) {
            return replay(input, body);
        }
        FieldErrors errors = new FieldErrors();
        JsonNode tree = tree(body);
        if (tree != null && !tree.isObject() && !tree.isNull() && !tree.isMissingNode()) {
            // DRF's answer to a body of the wrong shape, named by Python's name for what came
            errors.add(
                    InvalidInput.NON_FIELD_ERRORS, "Invalid data. Expected a dictionary, but got " + kind(tree) + ".");
        }
        if (tree != null && tree.isObject()) {
            for (RecordComponent component : target.getRecordComponents()) {
                String name = name(component);
                if (tree.path(name).isNull() && !mayBeNull(component)) {
                    errors.add(name, "This field may not be null.");
                }
            }
        }
        errors.throwIfAny();
        return replay(input, body);
    }

    /** The message again, its body the bytes read from it. */
    private static HttpInputMessage replay(HttpInputMessage input, byte[] body) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    /** JSON is UTF-8 (RFC 8259): a body of another type is none of these checks' business. */
    private static boolean isJson(MediaType type) {
        return type != null
                && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                        || type.getSubtype().endsWith("+json"));
    }

    /**
     * Whether the bytes are UTF-8 as the standard has it: Jackson's reader takes an overlong form ({@code C0 A2} for a
     * quote) for the character it spells, which no UTF-8 encoder writes.
     */
    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String kind(JsonNode tree) {
        if (tree.isArray()) {
            return "list";
        }
        if (tree.isBoolean()) {
            return "bool";
        }
        if (tree.isIntegralNumber()) {
            return "int";
        }
        return tree.isNumber() ? "float" : "str";
    }

    private static boolean onContractPath() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getRequestURI().startsWith(CONTRACT_PATHS);
    }

    private JsonNode tree(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null; // unreadable: the converter reports it as it reads the body
        }
    }

    private static boolean mayBeNull(RecordComponent component) {
        // @Schema does not target record components: written on one, Java carries it to the component's accessor
        Schema schema = component.getAccessor().getAnnotation(Schema.class);
        return JsonNode.class.isAssignableFrom(component.getType()) || schema != null && schema.nullable();
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body == null) {
            // A body that is the JSON literal null: DRF's "No data provided", not the defaults of an absent body
            throw InvalidInput.of(InvalidInput.NON_FIELD_ERRORS, "No data provided");
        }
        FieldErrors errors = new FieldErrors();
        check(body, "", errors);
        errors.throwIfAny();
        return body;
    }

    private void check(Object value, String path, FieldErrors errors) {
        if (value instanceof String text) {
            String problem = TextRules.problem(text, true);
            if (problem != null) {
                errors.add(field(path), problem);
            }
        } else if (value instanceof Collection<?> items) {
            if (tooMany(items.size(), path, errors)) {
                return;
            }
            int index = 0;
            for (Object item : items) {
                String at = join(path, Integer.toString(index++));
                if (item == null) {
                    errors.add(at, "This field may not be null.");
                } else {
                    check(item, at, errors);
                }
            }
        } else if (value instanceof JsonNode node) {
            checkTree(node, path, errors);
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                check(read(component, value), join(path, name(component)), errors);
            }
        }
    }

    /** Free-form JSON (a resource's attributes): its texts and names, and its size at every level. */
    private void checkTree(JsonNode node, String path, FieldErrors errors) {
        if (node.isString()) {
            check(node.asString(), path, errors);
        } else if (node.isArray() && !tooMany(node.size(), path, errors)) {
            for (int i = 0; i < node.size(); i++) {
                checkTree(node.get(i), join(path, Integer.toString(i)), errors);
            }
        } else if (node.isObject() && !tooMany(node.size(), path, errors)) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String problem = TextRules.problem(member.getKey(), true);
                if (problem != null) {
                    errors.add(field(path), problem);
                } else {
                    checkTree(member.getValue(), join(path, member.getKey()), errors);
                }
            }
        }
    }

    private boolean tooMany(int size, String path, FieldErrors errors) {
        if (size > maxItems) {
            errors.add(field(path), "Ensure this field has no more than " + maxItems + " elements.");
            return true;
        }
        return false;
    }

    private String name(RecordComponent component) {
        JsonProperty declared = component.getAccessor().getAnnotation(JsonProperty.class);
        if (declared != null && !declared.value().isEmpty()) {
            return declared.value();
        }
        return naming == null ? component.getName() : naming.nameForField(config, null, component.getName());
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component + " of a request body", e);
        }
    }

    private static String field(String path) {
        return path.isEmpty() ? InvalidInput.NON_FIELD_ERRORS : path;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
