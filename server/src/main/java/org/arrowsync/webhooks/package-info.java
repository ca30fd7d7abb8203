/**
 * Alerts to the operator's endpoints: webhooks (URL, event types, a write-only signing secret), the events they get (a
 * job failed, billing validated, reconciliation booked, lines unmatched, Arrow unreachable or recovered), and their
 * delivery through a persistent queue, signed, retried for a day, with a delivery log and redelivery.
 */
package org.arrowsync.webhooks;
