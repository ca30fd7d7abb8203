/**
 * What the operator earns on Arrow's lines: re-pricing a month under the price rules (a preview, then a queued run that
 * books the corrections), margin reports per customer and the month's lines as CSV.
 */
package org.arrowsync.margins;
