/** Values every feature shares: money, identifiers, paging, API errors, the data folder and the clock. */
package org.arrowsync.shared;
