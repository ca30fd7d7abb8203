package org.arrowsync.billing;

import java.util.List;
import java.util.UUID;

/**
 * Billing syncs of a settings record became final (D6): how many, in which month ({@code yyyy-MM}, one per event);
 * published in the transaction that validates them (D289).
 */
public record BillingValidated(UUID settingsUuid, int syncs, List<String> periods) {}
