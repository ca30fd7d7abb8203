package org.arrowsync.arrowclient;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.springframework.util.unit.DataSize;

/**
 * Builds every {@link ArrowException} of one connection: the subtype is chosen in one switch and every message passes
 * through the key scrubber. A message names the endpoint, the status and what went wrong in our words; it never quotes
 * the answer, which may be any page of any host the URL points at.
 */
final class Failures {

    static final int EXCERPT_LENGTH = 200;

    private final String apiKey;

    Failures(String apiKey) {
        this.apiKey = apiKey;
    }

    /** What a status (HTTP, or the error status found in an HTTP 200 body) means. */
    enum Kind {
        UNAUTHORIZED,
        NOT_FOUND,
        RATE_LIMITED,
        UNAVAILABLE,
        REJECTED,
        BAD_RESPONSE
    }

    static Kind kindOf(int status) {
        return switch (status) {
            case 401, 403 -> Kind.UNAUTHORIZED;
            case 404 -> Kind.NOT_FOUND;
            case 429 -> Kind.RATE_LIMITED;
            default ->
                status >= 500 && status <= 599
                        ? Kind.UNAVAILABLE
                        : status >= 400 && status <= 499 ? Kind.REJECTED : Kind.BAD_RESPONSE;
        };
    }

    /** Retried statuses: 429 and 5xx. Other 4xx never are. */
    static boolean retryable(int status) {
        Kind kind = kindOf(status);
        return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE;
    }

    ArrowException httpStatus(String endpoint, int status) {
        return create(kindOf(status), endpoint, status, "Arrow API " + endpoint + " returned HTTP " + status, null);
    }

    /** An HTTP 2xx whose envelope ({@code status} or {@code code}) reports an error. */
    ArrowException bodyStatus(String endpoint, String field, int value) {
        Kind kind = kindOf(value);
        Kind chosen = kind == Kind.UNAUTHORIZED || kind == Kind.NOT_FOUND ? kind : Kind.BAD_RESPONSE;
        return create(
                chosen,
                endpoint,
                value,
                "Arrow API " + endpoint + " returned HTTP 200 with body " + field + " " + value,
                null);
    }

    ArrowException transport(String endpoint, Exception cause) {
        return create(
                Kind.UNAVAILABLE,
                endpoint,
                0,
                "Arrow API request to " + endpoint + " failed: " + described(cause),
                null);
    }

    /** What went wrong on the wire, in an operator's words, with the innermost detail the JDK gave where it has one. */
    static String described(Throwable failure) {
        Throwable innermost = failure;
        boolean unresolved = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            unresolved |= cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException;
            innermost = cause.getMessage() == null ? innermost : cause;
        }
        String detail = innermost.getMessage() == null ? "" : " (" + innermost.getMessage() + ")";
        if (failure instanceof InterruptedException) {
            return "the server stopped waiting for the answer (it is shutting down)";
        }
        if (unresolved) {
            return "the host name does not resolve to an address";
        }
        if (failure instanceof ConnectException) {
            return "no connection could be made to the host" + detail;
        }
        if (failure instanceof SSLException) {
            return "the TLS handshake with the host failed" + detail;
        }
        return "the connection broke before the answer was complete" + detail;
    }

    /** The answer was not complete within {@code limit}. */
    ArrowException tooSlow(String endpoint, Duration limit) {
        return create(
                Kind.UNAVAILABLE,
                endpoint,
                0,
                "Arrow API " + endpoint + " did not answer completely within " + seconds(limit),
                null);
    }

    /** The answer is larger than the client reads; it was cut off unread. */
    ArrowException tooLarge(String endpoint, DataSize limit) {
        return badResponse(
                endpoint, 200, "answered more than " + limit.toMegabytes() + " MB, the most the client reads");
    }

    /** The request could not be sent at all (a URL or header value the HTTP client refuses). */
    ArrowException unsendable(String endpoint) {
        return badResponse(endpoint, 0, "was not called: its URL or API key cannot be sent in an HTTP request");
    }

    ArrowException invalidJson(String endpoint, int status) {
        return badResponse(endpoint, status, "returned invalid JSON (status " + status + ")");
    }

    ArrowException badResponse(String endpoint, int status, String problem) {
        return create(Kind.BAD_RESPONSE, endpoint, status, "Arrow API " + endpoint + " " + problem, null);
    }

    /** An HTTP 200 that answers "nothing" where exactly one object was asked for. */
    ArrowException notFound(String endpoint, String what) {
        return create(Kind.NOT_FOUND, endpoint, 200, "Arrow API " + endpoint + " returned no " + what, null);
    }

    ArrowPagingRunaway runaway(String endpoint, int maxPages) {
        return new ArrowPagingRunaway(
                endpoint,
                0,
                scrub("Arrow API " + endpoint + " kept paging past the cap of " + maxPages + " pages"),
                null);
    }

    private ArrowException create(Kind kind, String endpoint, int status, String message, Throwable cause) {
        String text = scrub(message);
        return switch (kind) {
            case UNAUTHORIZED -> new ArrowUnauthorized(endpoint, status, text, cause);
            case NOT_FOUND -> new ArrowNotFound(endpoint, status, text, cause);
            case RATE_LIMITED -> new ArrowRateLimited(endpoint, status, text, cause);
            case UNAVAILABLE -> new ArrowUnavailable(endpoint, status, text, cause);
            case REJECTED -> new ArrowRejected(endpoint, status, text, cause);
            case BAD_RESPONSE -> new ArrowBadResponse(endpoint, status, text, cause);
        };
    }

    /** The start of an answer on one line, scrubbed, for the DEBUG log. */
    String excerpt(Body body) {
        if (body.size() == 0) {
            return "(empty)";
        }
        // enough bytes that a key starting within the excerpt is whole, so scrubbing finds it
        int bytes = (EXCERPT_LENGTH + (apiKey == null ? 0 : apiKey.length())) * 4;
        String start = new String(body.head(bytes), StandardCharsets.UTF_8);
        String line = scrub(start).strip().replaceAll("\\p{Cntrl}", " ");
        return line.length() <= EXCERPT_LENGTH ? line : line.substring(0, EXCERPT_LENGTH) + "…";
    }

    String scrub(String text) {
        if (text == null || apiKey == null || apiKey.isEmpty()) {
            return text;
        }
        return text.replace(apiKey, ArrowConnection.MASK);
    }

    private static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}
