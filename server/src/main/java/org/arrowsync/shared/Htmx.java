package org.arrowsync.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The console's htmx on the wire: whether it sent a request, and an answer it shows among the page's messages. */
public final class Htmx {

    private Htmx() {}

    /** Whether htmx sent the request (it swaps the fragment answered); a form posted without JavaScript did not. */
    public static boolean sent(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }

    /** The answer goes among the page's messages, as the console shows its refusals, not in place of what was sent. */
    public static void toMessages(HttpServletResponse response) {
        response.setHeader("HX-Retarget", "#messages");
        response.setHeader("HX-Reswap", "innerHTML");
    }
}
