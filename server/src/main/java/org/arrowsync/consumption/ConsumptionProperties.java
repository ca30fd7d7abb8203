package org.arrowsync.consumption;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How consumption runs call Arrow: {@code workers} licenses in flight at once (the client's rate limiter keeps the
 * request rate), and at most {@code historyMonths} months per historical sync.
 */
@ConfigurationProperties("arrowsync.consumption")
record ConsumptionProperties(
        @DefaultValue("8") int workers, @DefaultValue("24") int historyMonths) {}
