/** Waldur's REST conventions in one place: token authentication, paging headers, error bodies, JSON shape. */
package org.arrowsync.web;
