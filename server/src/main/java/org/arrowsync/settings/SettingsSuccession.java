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
}
