package org.arrowsync.ledger;

/**
 * Which offerings hold Arrow licenses: answered by the module that maps Arrow's vendors to offerings, which the ledger
 * does not know of.
 */
public interface LicenseOfferings {

    /** Whether a vendor-offering mapping names the offering, so that its resources are Arrow licenses. */
    boolean holdsLicenses(long offeringId);
}
