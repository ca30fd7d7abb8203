package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NestedFieldErrorsTests {

    @Test
    void aFieldOfAnElementIsNestedAsDrfNestsAListSerializersErrors() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        errors.put("name", List.of("This field is required."));
        errors.put("items.2.code", List.of("Invalid."));
        errors.put("items.0.code", List.of("Too long."));
        errors.put("attributes.license", List.of("Not a string."));

        assertThat(NestedFieldErrors.of(errors))
                .hasToString("{name=[This field is required.], items=[{code=[Too long.]}, {}, {code=[Invalid.]}],"
                        + " attributes={license=[Not a string.]}}");
    }

    @Test
    void namesThatCannotNestTogetherStayAsTheyCame() {
        Map<String, List<String>> clash = new LinkedHashMap<>();
        clash.put("items", List.of("Too many."));
        clash.put("items.0.code", List.of("Invalid."));
        assertThat(NestedFieldErrors.of(clash)).isEqualTo(clash);

        Map<String, List<String>> listThenElement = new LinkedHashMap<>();
        listThenElement.put("plans", List.of("Too many."));
        listThenElement.put("plans.3", List.of("This field may not be null."));
        assertThat(NestedFieldErrors.of(listThenElement)).isEqualTo(listThenElement);

        Map<String, List<String>> wholeAndField = new LinkedHashMap<>();
        wholeAndField.put("plans.1", List.of("This field may not be null."));
        wholeAndField.put("plans.1.name", List.of("Invalid."));
        assertThat(NestedFieldErrors.of(wholeAndField)).isEqualTo(wholeAndField);
    }

    @Test
    void anElementRefusedWholeIsTheListOfItsMessagesAsDrfAnswersAChildThatFailsFirst() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        errors.put("plans.1", List.of("This field may not be null."));
        errors.put("plans.2.name", List.of("Invalid."));
        errors.put("event_types.0", List.of("Invalid value."));

        assertThat(NestedFieldErrors.of(errors))
                .hasToString("{plans=[{}, [This field may not be null.], {name=[Invalid.]}],"
                        + " event_types=[[Invalid value.]]}");
    }
}
