package org.arrowsync.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects validation errors in Waldur's wording, then throws them together as one {@link InvalidInput}. */
public final class FieldErrors {

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        errors.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** Required and not blank. Returns whether the value passed. */
    public boolean required(String field, String value) {
        if (value == null) {
            add(field, "This field is required.");
            return false;
        }
        if (value.isBlank()) {
            add(field, "This field may not be blank.");
            return false;
        }
        return true;
    }

    /**
     * Optional, but not blank when given: a body's {@code ""} is not an absent field, and never means "every one" (a
     * cleanup of every record, D148). Returns whether the value passed.
     */
    public boolean notBlank(String field, String value) {
        if (value != null && value.isBlank()) {
            add(field, "This field may not be blank.");
            return false;
        }
        return true;
    }

    /** Required, not blank and at most {@code max} characters: a text field of a model. Returns whether it passed. */
    public boolean requiredText(String field, String value, int max) {
        return required(field, value) && maxLength(field, value, max);
    }

    /** Optional, not blank when given, and at most {@code max} characters. Returns whether it passed. */
    public boolean optionalText(String field, String value, int max) {
        return notBlank(field, value) && maxLength(field, value, max);
    }

    public boolean requiredValue(String field, Object value) {
        if (value == null) {
            add(field, "This field is required.");
            return false;
        }
        return true;
    }

    /** At most {@code max} characters, when given. Returns whether it passed. */
    public boolean maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "Ensure this field has no more than " + max + " characters.");
            return false;
        }
        return true;
    }

    /** After the field's length check: a value already refused is not looked at again. */
    public void email(String field, String value) {
        if (value != null && !value.isEmpty() && !has(field) && !isEmail(value)) {
            add(field, "Enter a valid email address.");
        }
    }

    /**
     * One {@code @} with text before it, and a dot with text on both sides after it; no whitespace. One pass over the
     * value: a regular expression of the same rule backtracks into quadratic time on long values.
     */
    public static boolean isEmail(String value) {
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@') || value.chars().anyMatch(FieldErrors::isWhitespace)) {
            return false;
        }
        int dot = value.indexOf('.', at + 2);
        return dot > 0 && dot < value.length() - 1;
    }

    /** What {@code \s} matches in a Java regular expression. */
    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    public void range(String field, Integer value, int min, int max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            add(field, "Ensure this value is greater than or equal to " + min + ".");
        } else if (value > max) {
            add(field, "Ensure this value is less than or equal to " + max + ".");
        }
    }

    public void oneOf(String field, String value, Collection<String> choices) {
        if (value != null && !choices.contains(value)) {
            add(field, "\"" + Texts.truncate(value, 40) + "\" is not a valid choice.");
        }
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
