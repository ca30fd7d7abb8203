package org.arrowsync.settings;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/** Which of Arrow's two prices becomes the operator's invoice price. */
public enum PriceSource {
    SELL("sell"),
    BUY("buy");

    private final String value;

    PriceSource(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public BigDecimal choose(BigDecimal sell, BigDecimal buy) {
        return this == BUY ? buy : sell;
    }

    public static Optional<PriceSource> of(String value) {
        return Arrays.stream(values())
                .filter(source -> source.value.equals(value))
                .findFirst();
    }
}
