package org.arrowsync.emulator.http;

import org.arrowsync.emulator.data.Worlds;
import org.arrowsync.emulator.faults.Faults;
import org.arrowsync.emulator.faults.RateLimiter;
import org.arrowsync.emulator.faults.Stats;

/** The mutable parts of a running emulator, shared by the API and the control API. */
public record EmulatorState(
        Worlds worlds, Faults faults, RateLimiter limiter, Stats stats, Strictness strictness, ApiKey apiKey) {}
