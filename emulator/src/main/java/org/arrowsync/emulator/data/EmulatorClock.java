package org.arrowsync.emulator.data;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A settable UTC clock. It does not tick on its own so that open-month amounts only change when a test or an operator
 * moves time, which keeps every response reproducible.
 */
public final class EmulatorClock extends Clock {

    private volatile Instant now;

    public EmulatorClock(Instant now) {
        this.now = now;
    }

    public void set(Instant value) {
        now = value;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    public YearMonth currentMonth() {
        return YearMonth.from(now.atZone(ZoneOffset.UTC));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the emulator clock is always UTC");
    }
}
