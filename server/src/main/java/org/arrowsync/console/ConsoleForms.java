package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** What the console's forms post. */
final class ConsoleForms {

    private ConsoleForms() {}

    /**
     * A repeated field's values as posted, each whole. Spring binds a field posted once to a list or an array by
     * splitting it at its commas ("Tailspin Toys, Inc." would become two values), so such fields are read here.
     */
    static List<String> values(HttpServletRequest request, String field) {
        String[] posted = request.getParameterValues(field);
        return posted == null ? List.of() : List.of(posted);
    }
}
