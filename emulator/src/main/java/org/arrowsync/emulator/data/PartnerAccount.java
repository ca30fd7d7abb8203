package org.arrowsync.emulator.data;

import java.util.Objects;

/**
 * The partner whose API this is: its XSP reference, which whoami, statements and licenses name. A partner's reference
 * never changes; an emulator's may, so that emulators sharing one arrowsync database are separate Arrow accounts.
 * Survives preset reloads.
 */
public final class PartnerAccount {

    public static final String DEMO_REFERENCE = "XSP12345";

    private volatile String reference = DEMO_REFERENCE;

    public String reference() {
        return reference;
    }

    public void setReference(String value) {
        reference = Objects.requireNonNull(value, "value");
    }
}
