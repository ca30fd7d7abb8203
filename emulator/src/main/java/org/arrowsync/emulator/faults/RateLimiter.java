package org.arrowsync.emulator.faults;

/**
 * A token bucket on real (not emulator) time: throttling is about request bursts, whereas the emulator clock is about
 * billing periods. A capacity of one second's worth allows short bursts.
 */
public final class RateLimiter {

    private double ratePerSecond;
    private double tokens;
    private long lastNanos;

    public synchronized void configure(double requestsPerSecond) {
        ratePerSecond = Math.max(0, requestsPerSecond);
        tokens = ratePerSecond;
        lastNanos = System.nanoTime();
    }

    public synchronized double requestsPerSecond() {
        return ratePerSecond;
    }

    /** Takes a token; returns 0 when allowed, else the whole seconds to wait (at least 1). */
    public synchronized long acquire() {
        if (ratePerSecond <= 0) {
            return 0;
        }
        long now = System.nanoTime();
        tokens = Math.min(ratePerSecond, tokens + (now - lastNanos) / 1e9 * ratePerSecond);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerSecond));
    }
}
