/** An ArrowSphere API emulator: runnable alone, startable in-process from tests and the server's demo mode. */
package org.arrowsync.emulator;
