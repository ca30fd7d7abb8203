package org.arrowsync.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code autoReconcile}: reconcile a month as soon as its syncs are validated. The validation grace of the same prefix
 * is {@link org.arrowsync.shared.ValidationGrace}'s.
 */
@ConfigurationProperties("arrowsync.billing")
public record BillingProperties(@DefaultValue("false") boolean autoReconcile) {}
