/** The ArrowSphere API client: one public entry type, typed records in and out, one error hierarchy. */
package org.arrowsync.arrowclient;
