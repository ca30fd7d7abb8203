package org.arrowsync.billing;

import java.util.UUID;

/** A month's reconciliation committed compensations: per customer, what it booked. */
public record ReconciliationBooked(UUID settingsUuid, BillingReconciliation.Report report) {}
