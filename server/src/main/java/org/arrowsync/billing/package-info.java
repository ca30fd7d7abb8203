/**
 * Arrow's billing export into invoices: billing syncs and their items, validation, reconciliation and resource sync.
 */
package org.arrowsync.billing;
