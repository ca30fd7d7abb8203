package org.arrowsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Counting failed sign-ins holds a bounded amount, however many names a client invents. */
class LoginThrottleTests {

    final SettableClock clock = new SettableClock(Instant.parse("2026-11-29T10:00:00Z"));
    final LoginThrottle throttle =
            new LoginThrottle(new ConsoleProperties(Duration.ofMinutes(30), 5, 20, Duration.ofMinutes(15)), clock);

    @Test
    void aUsernameCountsByItsFirst150CharactersSoLongOnesShareOneCount() {
        String start = "x".repeat(LoginThrottle.USERNAME_KEPT);
        for (int i = 0; i < 5; i++) {
            throttle.failed(start + i + "y".repeat(10_000), "10.0.0." + i);
        }

        assertThat(throttle.refusedFor(start + "another", "10.0.0.99")).isPresent();
        assertThat(throttle.refusedFor("x".repeat(LoginThrottle.USERNAME_KEPT - 1), "10.0.0.99"))
                .isEmpty();
    }

    @Test
    void countsWhoseWindowHasPassedAreDroppedWhileNamesPileUp() {
        for (int i = 0; i < LoginThrottle.SWEEP_AT; i++) {
            throttle.failed("invented-" + i, "10.0.0.1");
        }
        assertThat(throttle.counted()).isEqualTo(LoginThrottle.SWEEP_AT + 1);

        clock.now = clock.now.plus(Duration.ofMinutes(16));
        throttle.failed("one-more", "10.0.0.2");

        assertThat(throttle.counted()).as("the expired names and address gone").isEqualTo(3);
    }

    @Test
    void countsInsideTheirWindowStay() {
        for (int i = 0; i < LoginThrottle.SWEEP_AT; i++) {
            throttle.failed("user-" + (i % 2), "10.0.0." + i % 250 + "." + i);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        for (int i = 0; i < 4; i++) {
            throttle.failed("user-0", "10.1.0.1");
        }

        assertThat(throttle.refusedFor("user-0", "10.1.0.2")).isPresent();
    }

    /** A clock a test moves forward. */
    static final class SettableClock extends Clock {

        Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
