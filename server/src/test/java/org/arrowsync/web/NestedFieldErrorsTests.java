package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NestedFieldErrorsTests {

    @Test
    void aFieldOfAnElementIsNestedAsDrfNestsAListSerializersErrors() {
        Map<String, List<String>> errors = errors(
                "name", "This field is required.",
                "items.2.code", "Invalid.",
                "items.0.code", "Too long.",
                "attributes.license", "Not a string.");

        assertThat(NestedFieldErrors.of(errors))
                .hasToString("{name=[This field is required.], items=[{code=[Too long.]}, {}, {code=[Invalid.]}],"
                        + " attributes={license=[Not a string.]}}");
    }

    @Test
    void namesThatCannotNestTogetherStayAsTheyCame() {
        for (Map<String, List<String>> clash : List.of(
                errors("items", "Too many.", "items.0.code", "Invalid."),
                errors("plans", "Too many.", "plans.3", "This field may not be null."),
                errors("plans.1", "This field may not be null.", "plans.1.name", "Invalid."))) {
            assertThat(NestedFieldErrors.of(clash)).isEqualTo(clash);
        }
    }

    @Test
    void anElementRefusedWholeIsTheListOfItsMessagesAsDrfAnswersAChildThatFailsFirst() {
        Map<String, List<String>> errors = errors(
                "plans.1", "This field may not be null.",
                "plans.2.name", "Invalid.",
                "event_types.0", "Invalid value.");

        assertThat(NestedFieldErrors.of(errors))
                .hasToString("{plans=[{}, [This field may not be null.], {name=[Invalid.]}],"
                        + " event_types=[[Invalid value.]]}");
    }

    /** Field names and their one message each, in the order given. */
    private static Map<String, List<String>> errors(String... namesAndMessages) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (int i = 0; i < namesAndMessages.length; i += 2) {
            errors.put(namesAndMessages[i], List.of(namesAndMessages[i + 1]));
        }
        return errors;
    }
}
