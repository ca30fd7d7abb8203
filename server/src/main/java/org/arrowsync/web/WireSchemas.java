package org.arrowsync.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.RawJson;
import tools.jackson.databind.JsonNode;

/**
 * Describes response and request records as Jackson writes and reads them on the wire, so the served document is
 * derived from the code rather than written beside it:
 *
 * <ul>
 *   <li>property names in snake_case, as the server's JSON mapper names them ({@code @JsonProperty} still wins);
 *   <li>a {@link Listing} is the plain JSON array the web layer writes (paging travels in headers);
 *   <li>decimals are strings of format {@code decimal}, as the server writes them; integers have no width, as in
 *       Waldur's description; a {@link JsonNode} or {@link RawJson} is any JSON;
 *   <li>Waldur's naming convention gives formats: {@code uuid} and {@code *_uuid} strings are UUIDs, {@code url} a URI;
 *   <li>the properties a record leaves out when they are null ({@code @JsonInclude(NON_NULL)}) are listed under
 *       {@link #OMITTED}; every other one is always written, so {@link WaldurOpenApi} can tell what a response always
 *       carries.
 * </ul>
 *
 * The swagger model reader runs on Jackson 2 while the server runs on Jackson 3; both read the same
 * {@code com.fasterxml.jackson.annotation} annotations, so the names and inclusion rules agree.
 */
class WireSchemas extends ModelResolver {

    /** Lists a record's properties that are absent rather than null; removed again before the document is served. */
    static final String OMITTED = "x-arrowsync-omitted-when-null";

    WireSchemas() {
        super(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema resolve(AnnotatedType annotated, ModelConverterContext context, Iterator<ModelConverter> next) {
        JavaType type = _mapper.constructType(annotated.getType());
        if (Listing.class.equals(type.getRawClass())) {
            return new ArraySchema()
                    .items(context.resolve(new AnnotatedType(type.containedType(0)).resolveAsRef(true)));
        }
        if (JsonNode.class.isAssignableFrom(type.getRawClass()) || RawJson.class.equals(type.getRawClass())) {
            return declaredOrAnyJson(annotated); // free-form JSON (job results, raw Arrow data), never read as a bean
        }
        Schema schema = super.resolve(annotated, context, next);
        if (schema == null) {
            return null;
        }
        if (BigDecimal.class.equals(type.getRawClass())) {
            // money travels as plain decimal strings ("12.3400000000"), see WebConfiguration, unless a property is
            // written as a number (its own @JsonFormat, with the @Schema that says so)
            return writtenAsNumber(annotated) ? schema : schema.type("string").format("decimal");
        }
        if ("integer".equals(schema.getType())) {
            // Waldur's description gives an integer no width: a client generated from either types it alike
            schema.setFormat(null);
        }
        // a record resolved as a reference is defined in the context under the reference's name
        Schema model = schema.get$ref() == null
                ? schema
                : context.getDefinedModels()
                        .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (model != null && model.getProperties() != null && type.getRawClass().isRecord()) {
            describeProperties(type, model);
        }
        return schema;
    }

    private static boolean writtenAsNumber(AnnotatedType annotated) {
        return annotated.getCtxAnnotations() != null
                && Arrays.stream(annotated.getCtxAnnotations())
                        .anyMatch(annotation ->
                                annotation instanceof JsonFormat format && format.shape() == JsonFormat.Shape.NUMBER);
    }

    /**
     * Any JSON, unless the property declares its type: a node read for what a record cannot tell (a PATCH's null from
     * its absence) still has a type on the wire.
     */
    private static Schema<?> declaredOrAnyJson(AnnotatedType annotated) {
        if (annotated.getCtxAnnotations() != null) {
            for (java.lang.annotation.Annotation annotation : annotated.getCtxAnnotations()) {
                if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema declared
                        && !declared.type().isEmpty()) {
                    Schema<?> schema = new Schema<>().type(declared.type());
                    if (!declared.format().isEmpty()) {
                        schema.setFormat(declared.format());
                    }
                    if (declared.nullable()) {
                        schema.setNullable(true);
                    }
                    if (declared.maxLength() != Integer.MAX_VALUE) {
                        schema.setMaxLength(declared.maxLength()); // a limit the server keeps (a 400 beyond it)
                    }
                    return schema;
                }
            }
        }
        return new Schema<>();
    }

    @SuppressWarnings("rawtypes")
    private void describeProperties(JavaType type, Schema<?> model) {
        JsonInclude recordLevel = type.getRawClass().getAnnotation(JsonInclude.class);
        List<String> omitted = new ArrayList<>();
        for (BeanPropertyDefinition property :
                _mapper.getSerializationConfig().introspect(type).findProperties()) {
            Schema schema = model.getProperties().get(property.getName());
            if (schema == null) {
                continue;
            }
            io.swagger.v3.oas.annotations.media.Schema declared =
                    property.getPrimaryMember().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            if (JsonNode.class.isAssignableFrom(property.getRawPrimaryType())
                    && (declared == null || declared.type().isEmpty())) {
                model.getProperties().put(property.getName(), new Schema<>()); // any JSON, unless declared narrower
            }
            JsonInclude.Include inclusion = property.findInclusion().getValueInclusion();
            if (inclusion == JsonInclude.Include.USE_DEFAULTS && recordLevel != null) {
                inclusion = recordLevel.value();
            }
            boolean primitive = property.getRawPrimaryType().isPrimitive(); // never null, so never left out
            if (!primitive
                    && inclusion != JsonInclude.Include.ALWAYS
                    && inclusion != JsonInclude.Include.USE_DEFAULTS) {
                omitted.add(property.getName());
            }
            // property schemas of the same name and type are shared between records: only name-given facts go here
            if ("string".equals(schema.getType()) && schema.getFormat() == null) {
                String name = property.getName();
                if (name.equals("uuid") || name.endsWith("_uuid")) {
                    schema.setFormat("uuid");
                } else if (name.equals("url")) {
                    schema.setFormat("uri");
                }
            }
        }
        if (!omitted.isEmpty()) {
            model.addExtension(OMITTED, omitted);
        }
    }
}
