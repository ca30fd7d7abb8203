package org.arrowsync.emulator.data;

import java.util.Objects;

/**
 * A vendor program a customer's statements are split by.
 *
 * @param classification the classification of all its licenses; null when they differ (a statement then says null)
 */
public record Program(String code, String vendorName, String classification) {

    Program with(Program other) {
        return Objects.equals(classification, other.classification()) ? this : new Program(code, vendorName, null);
    }
}
