package org.arrowsync.shared;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The texts of a JSON tree rewritten where they stand, so that what is rewritten stays a string and the tree JSON. */
public final class JsonTexts {

    private JsonTexts() {}

    /**
     * A copy of {@code node} with every string and field name passed through {@code text}, and the value of every field
     * {@code hidden} names (but a null) replaced by {@link Secrets#MASK}; a string {@code text} leaves as it was stays
     * the same node.
     */
    public static JsonNode rewritten(JsonNode node, UnaryOperator<String> text, Predicate<String> hidden) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            object.properties()
                    .forEach(field -> copy.set(
                            text.apply(field.getKey()),
                            hidden.test(field.getKey()) && !field.getValue().isNull()
                                    ? JsonNodeFactory.instance.stringNode(Secrets.MASK)
                                    : rewritten(field.getValue(), text, hidden)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(array.size());
            array.forEach(item -> copy.add(rewritten(item, text, hidden)));
            return copy;
        }
        if (node != null && node.isString()) {
            String rewritten = text.apply(node.asString());
            return rewritten.equals(node.asString()) ? node : JsonNodeFactory.instance.stringNode(rewritten);
        }
        return node;
    }
}
