package org.arrowsync.consumption;

import org.arrowsync.shared.Rejected;

/**
 * A consumption run recorded nothing and failed for some license (D296): it fails, naming the first failure; the job's
 * errors name each license's.
 */
final class NoConsumptionRecorded extends Rejected {

    NoConsumptionRecorded(ConsumptionSyncService.ConsumptionSyncReport report) {
        super("No license's consumption was recorded: " + report.errorCount() + " failed"
                + (report.noData() > 0 ? ", " + report.noData() + " had none for the month" : "") + ". The first, "
                + report.errors().get(0).licenseReference() + ": "
                + report.errors().get(0).error());
    }
}
