package org.arrowsync.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The name of an operation, as Waldur (drf-spectacular) names it: path words, then {@code list}, {@code retrieve},
 * {@code create}, {@code update}, {@code partial_update}, {@code destroy} or the action's own name. The API description
 * and the audit trail name operations alike.
 */
public final class OperationIds {

    private OperationIds() {}

    /**
     * {@code /api/admin/arrow/billing-syncs/{uuid}/} GET is {@code admin_arrow_billing_syncs_retrieve},
     * {@code /api/invoices/{uuid}/set_state/} POST is {@code invoices_set_state}. An action is a last word after a path
     * variable or one with an underscore; a GET of an action is a {@code list} when it answers an array.
     */
    public static String of(String pathPattern, String method, boolean answersArray) {
        List<String> segments =
                Arrays.stream(pathPattern.split("/")).filter(s -> !s.isEmpty()).toList();
        String last = segments.get(segments.size() - 1);
        boolean detail = last.startsWith("{");
        boolean action = !detail
                && (last.contains("_")
                        || segments.size() > 1
                                && segments.get(segments.size() - 2).startsWith("{"));
        String base = segments.stream()
                .skip(segments.get(0).equals("api") ? 1 : 0)
                .filter(segment -> !segment.startsWith("{"))
                .map(segment -> segment.replace('-', '_'))
                .collect(Collectors.joining("_"));
        String suffix = switch (method.toUpperCase(Locale.ROOT)) {
            case "GET" -> detail || action && !answersArray ? "retrieve" : "list";
            // a POST to one object (a console form: a browser's form cannot PUT) changes it
            case "POST" -> action ? null : detail ? "update" : "create";
            case "PUT" -> "update";
            case "PATCH" -> "partial_update";
            case "DELETE" -> "destroy";
            case "HEAD" -> "count";
            default -> method.toLowerCase(Locale.ROOT);
        };
        return suffix == null ? base : base + "_" + suffix;
    }
}
