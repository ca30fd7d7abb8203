/** The emulator-only control API under /_emulator/: presets, clock, corrections, faults, stats, ground truth. */
package org.arrowsync.emulator.control;
