package org.arrowsync.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * D6: where Arrow gives no validation signal, a month counts as final this long after it ends. The billing sync's
 * validation and consumption's finalisation (D96) read the same setting.
 */
@ConfigurationProperties("arrowsync.billing")
public record ValidationGrace(@DefaultValue("10d") Duration validationGrace) {

    /** Whether the month's grace is over at {@code now}. */
    public boolean over(YearMonth month, Instant now) {
        return !now.isBefore(Periods.end(month).plus(validationGrace));
    }
}
