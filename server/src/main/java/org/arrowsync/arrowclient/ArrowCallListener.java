package org.arrowsync.arrowclient;

import java.time.Duration;

/**
 * Told what the client does, for those who watch it (metrics, reachability): every HTTP exchange, every wait for the
 * client's own rate limit, and how each call ended after its retries. A listener must return quickly and never throw;
 * calls wait for it. Every method has a default that ignores it, so a listener names only what it needs.
 */
public interface ArrowCallListener {

    /**
     * Whether it is told of calls made with credentials being tried out (typed into the setup wizard, not yet any
     * settings'), beside those of saved settings.
     */
    default boolean watchesTrials() {
        return true;
    }

    /** A call answered, after its retries. */
    default void succeeded(ArrowConnection connection, String endpoint) {}

    /** A call failed for good, after its retries. */
    default void failed(ArrowConnection connection, String endpoint, ArrowException failure) {}

    /** One HTTP exchange of a call (its retries are exchanges too). */
    default void exchanged(ArrowConnection connection, Exchange exchange) {}

    /** How long an exchange waited for the client-side rate limit before it was sent. */
    default void waited(ArrowConnection connection, Duration wait) {}

    /**
     * One HTTP exchange: the endpoint's {@code family} (a fixed, short list, fit for a metric label), the attempt (1
     * for the first), the HTTP status (0 when Arrow did not answer at all) and how long it took.
     */
    record Exchange(String endpoint, String family, String method, int attempt, int status, Duration duration) {

        /** The families of the endpoints the client calls. */
        static String familyOf(String endpoint) {
            String first = endpoint.contains("/") ? endpoint.substring(0, endpoint.indexOf('/')) : endpoint;
            return switch (first) {
                case "whoami", "customers", "licenses", "consumption", "catalog" -> first;
                case "billing" -> endpoint.startsWith("billing/statements") ? "billing_statements" : "billing_exports";
                default -> "other";
            };
        }
    }
}
