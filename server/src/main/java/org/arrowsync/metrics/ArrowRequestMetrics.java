package org.arrowsync.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.arrowsync.arrowclient.ArrowCallListener;
import org.arrowsync.arrowclient.ArrowConnection;
import org.springframework.stereotype.Component;

/**
 * Arrow requests by endpoint family, method, outcome and status, their latency, retries, 429 answers and the waits for
 * the client's own rate limit. Labels hold no URL, key or customer: only the fixed families and statuses.
 */
@Component
class ArrowRequestMetrics implements ArrowCallListener {

    /** Latency buckets of an Arrow request: from a quick lookup to a slow export page. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60)
    };

    private final MeterRegistry registry;
    private final Timer rateLimiterWait;

    ArrowRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rateLimiterWait = Timer.builder("arrowsync.arrow.rate.limiter.wait")
                .description("Waits for the client-side request rate limit before an Arrow request")
                .register(registry);
    }

    @Override
    public void exchanged(ArrowConnection connection, Exchange exchange) {
        String outcome = outcome(exchange.status());
        Counter.builder("arrowsync.arrow.requests")
                .description("Arrow API requests (each retry is one)")
                .tag("family", exchange.family())
                .tag("method", exchange.method())
                .tag("outcome", outcome)
                .tag("status", Integer.toString(exchange.status()))
                .register(registry)
                .increment();
        Timer.builder("arrowsync.arrow.request.duration")
                .description("Arrow API request latency")
                .tag("family", exchange.family())
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(exchange.duration());
        if (exchange.attempt() > 1) {
            Counter.builder("arrowsync.arrow.retries")
                    .description("Arrow API requests that retried an earlier attempt")
                    .tag("family", exchange.family())
                    .register(registry)
                    .increment();
        }
        if (exchange.status() == 429) {
            Counter.builder("arrowsync.arrow.rate.limited")
                    .description("Arrow API answers 429 Too Many Requests")
                    .tag("family", exchange.family())
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void waited(ArrowConnection connection, Duration wait) {
        rateLimiterWait.record(wait);
    }

    /** What an HTTP status means for an operator; 0 is no answer at all (connection refused, timeout). */
    static String outcome(int status) {
        if (status == 0) {
            return "unreachable";
        }
        if (status == 429) {
            return "rate_limited";
        }
        return switch (status / 100) {
            case 2 -> "success";
            case 4 -> "client_error";
            case 5 -> "server_error";
            default -> "other";
        };
    }
}
