package org.arrowsync.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code token}: when set, scraping {@code /metrics} needs it as a bearer token ({@code ARROWSYNC_METRICS_TOKEN}). */
@ConfigurationProperties("arrowsync.metrics")
record MetricsProperties(String token) {

    boolean needsToken() {
        return token != null && !token.isBlank();
    }
}
