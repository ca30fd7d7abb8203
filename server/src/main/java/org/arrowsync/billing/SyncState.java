package org.arrowsync.billing;

import java.util.Arrays;

/** The life of a billing sync: Pending → Synced → Validated (Arrow says final) → Reconciled (corrections placed). */
public enum SyncState {
    PENDING(1, "Pending"),
    SYNCED(2, "Synced"),
    VALIDATED(3, "Validated"),
    RECONCILED(4, "Reconciled");

    private final int code;
    private final String display;

    SyncState(int code, String display) {
        this.code = code;
        this.display = display;
    }

    public int code() {
        return code;
    }

    public String display() {
        return display;
    }

    /** Validated and reconciled syncs are frozen: a re-sync no longer changes them (D5). */
    public boolean frozen() {
        return this == VALIDATED || this == RECONCILED;
    }

    /** Validated syncs are reconciled, reconciled ones again; with {@code force} also synced ones (D4). */
    public boolean reconcilable(boolean force) {
        return this == VALIDATED || this == RECONCILED || force && this == SYNCED;
    }

    static SyncState of(int code) {
        return Arrays.stream(values())
                .filter(state -> state.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown sync state " + code));
    }
}
