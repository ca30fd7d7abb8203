package org.arrowsync.mappings;

import org.arrowsync.shared.RejectedAsDetail;

/**
 * {@code available_customers} could not list Arrow's customers (no active settings, or Arrow failed); the reference
 * answers this one in the {@code {"detail": …}} form.
 */
final class ArrowCustomersUnavailable extends RejectedAsDetail {

    ArrowCustomersUnavailable(String message) {
        super(message);
    }
}
