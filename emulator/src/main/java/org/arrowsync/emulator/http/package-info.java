/** The ArrowSphere HTTP surface: routing, auth, envelopes and each endpoint family's pagination. */
package org.arrowsync.emulator.http;
