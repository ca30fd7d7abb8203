package org.arrowsync.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Prometheus scrape endpoint, in the Prometheus text format. Open to any scraper, unless a metrics token is
 * configured: then it wants {@code Authorization: Bearer <token>}. No user token is involved either way.
 */
@RestController
class MetricsController {

    static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");

    private final PrometheusMeterRegistry registry;
    private final StoredGauges stored;
    private final MetricsProperties properties;

    MetricsController(PrometheusMeterRegistry registry, StoredGauges stored, MetricsProperties properties) {
        this.registry = registry;
        this.stored = stored;
        this.properties = properties;
    }

    @GetMapping("/metrics")
    ResponseEntity<String> scrape(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        if (properties.needsToken() && !bearerMatches(auth)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("A metrics token is required: Authorization: Bearer <ARROWSYNC_METRICS_TOKEN>\n");
        }
        stored.refresh();
        return ResponseEntity.ok().contentType(PROMETHEUS_TEXT).body(registry.scrape());
    }

    private boolean bearerMatches(String auth) {
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(
                auth.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                properties.token().getBytes(StandardCharsets.UTF_8));
    }
}
