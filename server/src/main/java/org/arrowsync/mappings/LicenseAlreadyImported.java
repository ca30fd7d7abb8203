package org.arrowsync.mappings;

import org.arrowsync.shared.Rejected;

/** The customer already has a resource of this offering for the license. */
final class LicenseAlreadyImported extends Rejected {

    LicenseAlreadyImported(String licenseReference) {
        super("License " + licenseReference + " has already been imported");
    }
}
