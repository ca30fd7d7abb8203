package org.arrowsync.emulator.data;

import java.time.Instant;

/**
 * The currently loaded world. Reloading a preset swaps it atomically; the clock and the partner survive reloads so a
 * test can set time first and load data afterwards, or the other way round.
 */
public final class Worlds {

    private final EmulatorClock clock;
    private final PartnerAccount partner = new PartnerAccount();
    private volatile World world;

    public Worlds(Instant now) {
        this.clock = new EmulatorClock(now);
    }

    public EmulatorClock clock() {
        return clock;
    }

    public PartnerAccount partner() {
        return partner;
    }

    public World current() {
        return world;
    }

    public void load(String preset, long seed, ScaleOptions shape) {
        world = new World(
                new Universe(preset, seed, shape, clock.currentMonth().minusMonths(shape.historyMonths())),
                clock,
                partner);
    }
}
