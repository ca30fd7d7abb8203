/** Deterministic ArrowSphere data computed from indices, the emulator clock and the corrections overlay. */
package org.arrowsync.emulator.data;
