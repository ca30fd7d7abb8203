package org.arrowsync.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.arrowsync.shared.Htmx;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.HtmlUtils;

/**
 * What a browser is shown where no console page answers it: a refusal or a missing page outside the API, in words, with
 * the way back. The API's clients get JSON instead.
 */
final class BrowserPages {

    private BrowserPages() {}

    /** Whether a browser asked for a page outside the API (a console address typed or reopened, a form sent). */
    static boolean wanted(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html");
    }

    /** Whether the console's htmx asked, outside the API: it shows an answer's words in the page's messages. */
    static boolean fromHtmx(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") && Htmx.sent(request);
    }

    /** A page of a title and a sentence, and the way back. */
    static String page(String title, String text) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s · arrowsync</title>
                <link rel="icon" type="image/svg+xml" href="/console/icon.svg">
                <link rel="stylesheet" href="/console/console.css"></head>
                <body><main id="main"><h1>%s</h1><p>%s</p>
                <p><a href="/">Back to the overview</a></p></main></body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(text));
    }

    /** A sentence for the page's messages, as the console shows a refusal of a form sent by htmx. */
    static String notice(String text) {
        return "<div class=\"notice error\" role=\"alert\"><p>" + HtmlUtils.htmlEscape(text) + "</p></div>";
    }

    /** The words of a JSON refusal: its detail, or each field with its problems. */
    static String words(Map<String, ?> refusal) {
        return refusal.entrySet().stream()
                .map(entry -> {
                    String said = entry.getValue() instanceof Collection<?> many
                            ? many.stream().map(String::valueOf).collect(Collectors.joining(" "))
                            : String.valueOf(entry.getValue());
                    return "detail".equals(entry.getKey()) ? said : entry.getKey() + ": " + said;
                })
                .collect(Collectors.joining(" "));
    }
}
