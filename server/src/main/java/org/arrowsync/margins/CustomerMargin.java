package org.arrowsync.margins;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * One customer's month in one currency: what Arrow charges ({@code arrow_buy}) and lists ({@code arrow_sell}) for its
 * lines, what the operator billed for them, the margin (billed − buy) and the margin as a percent of what was billed
 * (null when nothing was). What was billed is what invoices bill (each item rounded, D173; nothing on a canceled one,
 * D200); amounts are shown to two decimals.
 */
public record CustomerMargin(
        String customerUuid,
        String customerName,
        String currency,
        BigDecimal arrowBuy,
        BigDecimal arrowSell,
        BigDecimal billed,
        BigDecimal margin,
        @Schema(nullable = true) BigDecimal marginPercent) {}
