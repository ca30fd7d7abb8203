package org.arrowsync.billing;

import java.math.BigDecimal;

/**
 * An Arrow customer whose lines of a month matched no customer mapping: how many, and the amount (the settings' price
 * source) left unbilled, per currency.
 */
public record UnmatchedCustomer(
        String customerReference, String companyName, String currency, int lines, BigDecimal amount) {}
