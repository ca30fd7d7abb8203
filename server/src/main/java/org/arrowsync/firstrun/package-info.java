/** The first start of a server: Arrow settings from configuration, else a demo against an in-process Arrow emulator. */
package org.arrowsync.firstrun;
