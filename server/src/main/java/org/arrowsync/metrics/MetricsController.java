package org.arrowsync.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.arrowsync.shared.Secrets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Prometheus scrape endpoint, in the Prometheus text format. With a metrics token configured it wants
 * {@code Authorization: Bearer <token>} from any scraper; without one it answers this host's scrapers only, those that
 * call from a loopback address, as the metrics tell what the reseller bills (D227). No user token is involved either
 * way.
 */
@RestController
class MetricsController {

    static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");

    private final PrometheusMeterRegistry registry;
    private final StoredGauges stored;
    private final MetricsProperties properties;

    MetricsController(PrometheusMeterRegistry registry, StoredGauges stored, MetricsProperties properties) {
        if (properties.needsToken()) {
            Secrets.remember(properties.token().strip()); // masked wherever logs and job texts are scrubbed
        }
        this.registry = registry;
        this.stored = stored;
        this.properties = properties;
    }

    @GetMapping("/metrics")
    ResponseEntity<String> scrape(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            HttpServletRequest request) {
        if (!properties.needsToken() && !fromThisHost(request)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("Without ARROWSYNC_METRICS_TOKEN, /metrics answers scrapers on this host only: set it,"
                            + " and scrape with Authorization: Bearer <ARROWSYNC_METRICS_TOKEN>\n");
        }
        if (properties.needsToken() && !bearerMatches(auth)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("A metrics token is required: Authorization: Bearer <ARROWSYNC_METRICS_TOKEN>\n");
        }
        stored.refresh();
        return ResponseEntity.ok().contentType(PROMETHEUS_TEXT).body(registry.scrape());
    }

    /**
     * Whether the caller calls from a loopback address (behind a trusted proxy, D54, the client it names) and through
     * no proxy left to name it: a proxy on this host that is not trusted still sends its X-Forwarded-For, and its
     * clients are not this host's. The address is taken as an IP literal, never looked up.
     */
    private static boolean fromThisHost(HttpServletRequest request) {
        if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
            return false;
        }
        String address = request.getRemoteAddr();
        if (address == null || !address.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
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
