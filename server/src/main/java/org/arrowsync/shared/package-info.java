/**
 * Values every feature shares: money, identifiers, paging, API errors, a lost database connection, the data folder and
 * the clock.
 */
package org.arrowsync.shared;
