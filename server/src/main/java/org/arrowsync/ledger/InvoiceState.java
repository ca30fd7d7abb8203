package org.arrowsync.ledger;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** pending → created → paid, or canceled from either; only a pending invoice takes changes. */
public enum InvoiceState {
    PENDING("pending"),
    CREATED("created"),
    PAID("paid"),
    CANCELED("canceled");

    private final String value;

    InvoiceState(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public boolean isOpen() {
        return this == PENDING;
    }

    /** Whether an invoice in this stored state (null: none) takes changes. */
    public static boolean isOpen(String value) {
        return of(value).map(InvoiceState::isOpen).orElse(false);
    }

    boolean canMoveTo(InvoiceState target) {
        return next().contains(target);
    }

    /** The states an invoice in this one may move to. */
    public List<InvoiceState> next() {
        return switch (this) {
            case PENDING -> List.of(CREATED, CANCELED);
            case CREATED -> List.of(PAID, CANCELED);
            case PAID, CANCELED -> List.of();
        };
    }

    public static Optional<InvoiceState> of(String value) {
        return Arrays.stream(values())
                .filter(state -> state.value.equals(value))
                .findFirst();
    }
}
