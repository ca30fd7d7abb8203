/** Where the data lives: an embedded PostgreSQL in the data folder unless a datasource URL is configured. */
package org.arrowsync.database;
