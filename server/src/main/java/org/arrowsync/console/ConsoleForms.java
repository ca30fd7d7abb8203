package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.arrowsync.shared.Htmx;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

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

    /**
     * After a form that changed what the rest of its page shows: the whole page at {@code path} is loaded again, with
     * {@code attributes} in its model (a flash), where htmx would have replaced the form's part alone. Answers the view
     * to return: a redirect, or null where htmx is told to load the page (the answer is then written).
     */
    static String reloadWith(
            HttpServletRequest request, HttpServletResponse response, String path, Map<String, ?> attributes) {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.putAll(attributes);
        if (!Htmx.sent(request)) {
            return "redirect:" + path; // which saves the flash
        }
        RequestContextUtils.saveOutputFlashMap(path, request, response);
        response.setHeader("HX-Redirect", request.getContextPath() + path);
        return null;
    }
}
