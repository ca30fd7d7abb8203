package org.arrowsync.emulator.http;

import java.util.Objects;

/**
 * The one value of the {@code apiKey} header the API accepts. A partner rotates its key in ArrowSphere's portal: from
 * then on the old one is refused. Survives preset reloads.
 */
public final class ApiKey {

    private volatile String value;

    public ApiKey(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public String value() {
        return value;
    }

    public boolean accepts(String given) {
        return value.equals(given);
    }

    public void rotate(String next) {
        value = Objects.requireNonNull(next, "next");
    }
}
