package org.arrowsync.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper and a tiny ordered-object builder for wire shapes written from the API facts. */
public final class Json {

    /** Decimals in control bodies are money: read them as BigDecimal, never as double. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {}

    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** Parses a JSON object body; an empty body is an empty object. */
    public static Map<String, Object> readObject(byte[] body) {
        if (body.length == 0) {
            return new LinkedHashMap<>();
        }
        try {
            return MAPPER.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (tools.jackson.core.JacksonException invalid) {
            throw ApiError.badRequest("body is not a JSON object: " + invalid.getOriginalMessage());
        }
    }

    /** Ordered object from alternating keys and values. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
