package org.arrowsync.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects validation errors in Waldur's wording, then throws them together as one {@link InvalidInput}. */
public final class FieldErrors {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

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

    public boolean requiredValue(String field, Object value) {
        if (value == null) {
            add(field, "This field is required.");
            return false;
        }
        return true;
    }

    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "Ensure this field has no more than " + max + " characters.");
        }
    }

    public void email(String field, String value) {
        if (value != null && !value.isEmpty() && !isEmail(value)) {
            add(field, "Enter a valid email address.");
        }
    }

    public static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
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

    public void oneOf(String field, String value, List<String> choices) {
        if (value != null && !choices.contains(value)) {
            add(field, "\"" + value + "\" is not a valid choice.");
        }
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
