package org.arrowsync.ledger;

import org.arrowsync.shared.StateConflict;

/** A project with resources is not deleted. */
final class ProjectInUse extends StateConflict {

    ProjectInUse() {
        super("Cannot delete a project that has resources.");
    }
}
