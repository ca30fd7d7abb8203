package org.arrowsync.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that failed validation; rendered as a 400 with a field map, cross-field errors under
 * {@code non_field_errors}.
 */
public class InvalidInput extends Refusal {

    public static final String NON_FIELD_ERRORS = "non_field_errors";

    private final Map<String, List<String>> errors;

    public InvalidInput(Map<String, List<String>> errors) {
        super("Invalid input: " + errors);
        this.errors = Map.copyOf(new LinkedHashMap<>(errors));
    }

    /** DRF's refusal of a reference (a UUID or a hyperlink) that names nothing, as Waldur's clients read it. */
    public static final String DOES_NOT_EXIST = "Invalid hyperlink - Object does not exist.";
    /** DRF's words for a text field given a boolean, a list or an object. */
    public static final String NOT_A_STRING = "Not a valid string.";

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> errors() {
        return errors;
    }
}
