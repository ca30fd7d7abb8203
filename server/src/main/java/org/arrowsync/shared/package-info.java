/**
 * Values every feature shares: money, identifiers, paging, API errors, a lost database connection, the data folder, the
 * clock and the console's htmx headers.
 */
package org.arrowsync.shared;
