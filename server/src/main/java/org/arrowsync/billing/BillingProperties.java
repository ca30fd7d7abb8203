package org.arrowsync.billing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code validationGrace}: where Arrow gives no validation signal, a month counts as final this long after it ends
 * (D6). {@code autoReconcile}: reconcile a month as soon as its syncs are validated.
 */
@ConfigurationProperties("arrowsync.billing")
public record BillingProperties(
        @DefaultValue("10d") Duration validationGrace,
        @DefaultValue("false") boolean autoReconcile) {}
