package org.arrowsync.web;

import org.arrowsync.shared.Filters;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A boolean in a request body, read as Waldur (Django REST framework) reads one: {@code true} and {@code false}, the
 * integers 1 and 0 and the words a query's boolean filter takes ({@link Filters#booleanWord}); anything else is
 * refused. Jackson alone takes every integer as {@code true} and an empty string as no value, so {@code "is_staff": 2}
 * made a staff user and {@code "dry_run": ""} ran for real.
 */
final class WireBoolean extends ValueDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        if (token == JsonToken.VALUE_STRING) {
            Boolean word = Filters.booleanWord(parser.getString());
            if (word != null) {
                return word;
            }
        }
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            int number = parser.getIntValue();
            if (number == 0 || number == 1) {
                return number == 1;
            }
        }
        throw InvalidFormatException.from(parser, "Must be a valid boolean.", parser.getString(), Boolean.class);
    }
}
