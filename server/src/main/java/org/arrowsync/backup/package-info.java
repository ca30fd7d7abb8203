/**
 * Backup and restore of all data, for the embedded and for an external PostgreSQL alike, and the move of an earlier
 * release's PostgreSQL 14 data folder: the admin download and the {@code backup}, {@code restore} and
 * {@code upgrade-data} commands.
 */
package org.arrowsync.backup;
