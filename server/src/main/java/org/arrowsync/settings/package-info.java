/** How arrowsync reaches ArrowSphere: the settings records and which Arrow vendor bills through which offering. */
package org.arrowsync.settings;
