package org.arrowsync.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A boolean in a request body, read as Waldur (Django REST framework's {@code BooleanField}) reads one: {@code true}
 * and {@code false}, the integers 1 and 0 and the words of its exact list ({@code "true"}, {@code "True"},
 * {@code "TRUE"}, {@code "t"}, {@code "yes"}, {@code "on"}, {@code "1"} and their opposites); anything else is refused,
 * spaces and odd cases included. Jackson alone takes every integer as {@code true} and an empty string as no value, so
 * {@code "is_staff": 2} made a staff user and {@code "dry_run": ""} ran for real; a word read trimmed and in any case
 * took {@code "false\n"} for a real cleanup.
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
            Boolean word = word(parser.getString());
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

    /** DRF's {@code BooleanField.TRUE_VALUES} and {@code FALSE_VALUES} as text, compared exactly. */
    private static Boolean word(String text) {
        return switch (text) {
            case "t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "1" -> true;
            case "f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0" -> false;
            default -> null;
        };
    }
}
