package org.arrowsync.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A field map in DRF's shape: a field of an element of a list, named {@code customer_mappings.1.arrow_reference} where
 * it is found, is answered as DRF answers a nested list serializer's errors, {@code {"customer_mappings": [{},
 * {"arrow_reference": [...]}]}}, each element an object of its own errors ({@code {}} for one without); an element
 * refused whole ({@code plans.1}: null, or no object) as the list of its messages, {@code {"plans": [{}, ["This field
 * may not be null."]]}}, as DRF answers a child that fails before its fields; a field of a nested object as
 * {@code {"object": {"field": [...]}}}. Waldur's UI walks that structure to put each message beside its input.
 */
final class NestedFieldErrors {

    private NestedFieldErrors() {}

    /** The errors nested; as they came where their names do not nest together (a field and a field of it). */
    static Map<String, Object> of(Map<String, List<String>> errors) {
        Map<String, Object> nested = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> error : errors.entrySet()) {
            String[] path = error.getKey().split("\\.", -1);
            if (!place(nested, path, 0, error.getValue())) {
                return new LinkedHashMap<>(errors);
            }
        }
        return nested;
    }

    /** Puts the messages at {@code path[at..]} under {@code container}; false where the path clashes with a value. */
    @SuppressWarnings("unchecked")
    private static boolean place(Object container, String[] path, int at, List<String> messages) {
        String part = path[at];
        boolean last = at == path.length - 1;
        if (container instanceof Map<?, ?> map) {
            Map<String, Object> fields = (Map<String, Object>) map;
            if (last) {
                return fields.putIfAbsent(part, messages) == null;
            }
            Object child = fields.computeIfAbsent(
                    part, name -> isIndex(path[at + 1]) ? new Elements() : new LinkedHashMap<>());
            return place(child, path, at + 1, messages);
        }
        if (container instanceof Elements elements && isIndex(part)) {
            int index = Integer.parseInt(part);
            while (elements.size() <= index) {
                elements.add(new LinkedHashMap<String, Object>());
            }
            if (!last) {
                return place(elements.get(index), path, at + 1, messages);
            }
            if (!(elements.get(index) instanceof Map<?, ?> element) || !element.isEmpty()) {
                return false;
            }
            elements.set(index, messages);
            return true;
        }
        return false;
    }

    /**
     * A list's errors, one entry an element: kept apart from a field's own list of messages, which takes no element.
     */
    private static final class Elements extends ArrayList<Object> {}

    /** An element's index, as the few a request's list holds (RequestLimits bounds a body). */
    private static boolean isIndex(String part) {
        return !part.isEmpty() && part.length() <= 6 && part.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
