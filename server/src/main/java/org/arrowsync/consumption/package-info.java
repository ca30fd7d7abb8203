/**
 * Consumption records: hourly provisional billing from Arrow's consumption API, finalised against the billing export.
 */
package org.arrowsync.consumption;
