package org.arrowsync.billing;

/** The life of a billing sync: Pending → Synced → Validated (Arrow says final) → Reconciled (corrections placed). */
public enum SyncState {
    PENDING(1, "Pending"),
    SYNCED(2, "Synced"),
    VALIDATED(3, "Validated"),
    RECONCILED(4, "Reconciled");

    private static final SyncState[] ALL = values();

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

    /** The state in words for its code as the API writes it ({@code "4"}); text that is no state's code as it is. */
    public static String display(String code) {
        for (SyncState state : ALL) {
            if (Integer.toString(state.code).equals(code)) {
                return state.display;
            }
        }
        return code;
    }

    static SyncState of(int code) {
        // A loop over a kept array: each of a large month's syncs is read with its state (values() copies the array)
        for (SyncState state : ALL) {
            if (state.code == code) {
                return state;
            }
        }
        throw new IllegalArgumentException("Unknown sync state " + code);
    }
}
