package org.arrowsync.arrowclient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One large field of a JSON object, in any of its spellings, which its own reader takes straight from the parser while
 * the object's other fields are kept as a tree: an export page's thousand rows never become a tree of nodes (D81).
 *
 * @param names the field's spellings; the first with a non-null value counts, as {@link Json#first} has it
 * @param reader reads the field's value, the parser on its first token (never a JSON null), up to its last token
 */
record LargeField<F>(List<String> names, Function<JsonParser, F> reader) {

    /** No large field: the whole object is kept as a tree. */
    static <F> LargeField<F> none() {
        return new LargeField<>(List.of(), parser -> null);
    }

    /** An object split into its other fields, as a tree, and the large field's value (null when absent or null). */
    record Split<F>(ObjectNode rest, F value) {}

    /** Reads the object whose {@code START_OBJECT} the parser stands on, up to its {@code END_OBJECT}. */
    Split<F> read(JsonParser parser) {
        ObjectNode rest = JsonNodeFactory.instance.objectNode();
        Map<String, F> values = new HashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            // a repeated name counts for its last value, as in a tree
            if (names.contains(name)) {
                values.put(name, token == JsonToken.VALUE_NULL ? null : reader.apply(parser));
            } else {
                rest.set(name, token == JsonToken.VALUE_NULL ? NullNode.getInstance() : parser.readValueAsTree());
            }
        }
        return new Split<>(rest, first(values, names));
    }

    /** The value of the first of {@code names} with one (a null value counts as none). */
    static <V> V first(Map<String, V> values, List<String> names) {
        return names.stream()
                .map(values::get)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
