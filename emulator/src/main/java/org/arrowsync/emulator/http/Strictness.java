package org.arrowsync.emulator.http;

/**
 * How requests are read. Strict reads each parameter only where ArrowSphere's official clients send it (the export page
 * in the query, the consumption months as {@code billingMonthStart/End}), so a client that sends it elsewhere gets what
 * it would get from an API that ignores it; lenient accepts every known variant. Survives preset reloads.
 */
public final class Strictness {

    private volatile boolean strict;

    public Strictness(boolean strict) {
        this.strict = strict;
    }

    public boolean strict() {
        return strict;
    }

    public void set(boolean value) {
        strict = value;
    }
}
