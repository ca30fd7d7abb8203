package org.arrowsync.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code token}: when set, scraping {@code /metrics} needs it as a bearer token ({@code ARROWSYNC_METRICS_TOKEN}). */
@ConfigurationProperties("arrowsync.metrics")
record MetricsProperties(String token) {

    /** Without the token, should the properties ever be logged. */
    @Override
    public String toString() {
        return "MetricsProperties[token=" + (needsToken() ? "****" : "none") + "]";
    }

    boolean needsToken() {
        return token != null && !token.isBlank();
    }
}
