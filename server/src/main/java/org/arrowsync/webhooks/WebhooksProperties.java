package org.arrowsync.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries run: their own worker threads and polling (never a job worker's), each request's timeout, and the
 * retries: {@code initialBackoff} doubling up to {@code maxBackoff}, for {@code retryFor} after the event.
 */
@ConfigurationProperties("arrowsync.webhooks")
record WebhooksProperties(
        @DefaultValue("2") int threads,
        @DefaultValue("5s") Duration pollingInterval,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("24h") Duration retryFor) {

    /** The wait before the attempt after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
        Duration delay = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        return delay.compareTo(maxBackoff) > 0 || delay.isNegative() ? maxBackoff : delay;
    }
}
