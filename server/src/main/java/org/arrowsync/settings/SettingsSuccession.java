package org.arrowsync.settings;

import java.util.List;

/**
 * A part of a settings record that a new record of the same Arrow account takes over from the record it replaces
 * (D163), as it takes over its months (D123).
 */
public interface SettingsSuccession {

    /**
     * Gives {@code successor} what {@code replaced} had, in the transaction that creates it; answers what came over, as
     * phrases for the operator ("2 price rules"), none when nothing did.
     */
    List<String> carryOn(Settings replaced, Settings successor);

    /** What came over, as one phrase ("2 price rules"), or none when {@code count} is zero. */
    static List<String> counted(int count, String one, String many) {
        return count == 0 ? List.of() : List.of(count + " " + (count == 1 ? one : many));
    }
}
