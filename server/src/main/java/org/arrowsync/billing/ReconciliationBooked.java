package org.arrowsync.billing;

import java.util.UUID;

/**
 * A month's reconciliation booked compensations: per customer, what it booked. Published in the booking's transaction,
 * so that what it tells of commits with it (D269).
 */
public record ReconciliationBooked(UUID settingsUuid, BillingReconciliation.Report report) {}
