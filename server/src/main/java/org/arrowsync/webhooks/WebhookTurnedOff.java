package org.arrowsync.webhooks;

import org.arrowsync.shared.StateConflict;

/** A webhook turned off sends nothing, a redelivery asked for included (D255). */
final class WebhookTurnedOff extends StateConflict {

    WebhookTurnedOff() {
        super("The webhook is turned off: turn it on (is_active) to redeliver its events.");
    }
}
