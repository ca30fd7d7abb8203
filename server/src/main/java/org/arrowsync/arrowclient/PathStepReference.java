package org.arrowsync.arrowclient;

import org.arrowsync.shared.Rejected;

/**
 * A reference that would be a step of the path it goes in ({@code .} or {@code ..}): sent, it would name another of
 * Arrow's resources (its API's root, with the key), so it is refused before Arrow is asked.
 */
final class PathStepReference extends Rejected {

    PathStepReference(String reference) {
        super("'" + reference + "' is no Arrow reference");
    }
}
