package org.arrowsync.billing;

import java.util.List;
import java.util.UUID;

/** Billing syncs of a settings record became final (D6): how many, in which months ({@code yyyy-MM}). */
public record BillingValidated(UUID settingsUuid, int syncs, List<String> periods) {}
