/** Injected faults, the token-bucket rate limiter and request statistics per endpoint family. */
package org.arrowsync.emulator.faults;
