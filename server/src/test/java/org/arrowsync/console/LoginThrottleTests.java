package org.arrowsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Counting sign-in attempts holds them to the limit however they are sent, and holds a bounded amount, however many
 * names a client invents.
 */
class LoginThrottleTests {

    final SettableClock clock = new SettableClock(Instant.parse("2026-11-29T10:00:00Z"));
    final LoginThrottle throttle =
            new LoginThrottle(new ConsoleProperties(Duration.ofMinutes(30), 5, 20, Duration.ofMinutes(15)), clock);

    @Test
    void aUsernameCountsByItsFirst150CharactersSoLongOnesShareOneCount() {
        String start = "x".repeat(LoginThrottle.USERNAME_KEPT);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt(start + i + "y".repeat(10_000), "10.0.0." + i))
                    .isEmpty();
        }

        assertThat(throttle.attempt(start + "another", "10.0.0.99")).isPresent();
        assertThat(throttle.attempt("x".repeat(LoginThrottle.USERNAME_KEPT - 1), "10.0.0.99"))
                .isEmpty();
    }

    @Test
    void countsWhoseWindowHasPassedAreDroppedWhileNamesPileUp() {
        for (int i = 0; i < LoginThrottle.SWEEP_AT; i++) {
            throttle.attempt("invented-" + i, address(i));
        }
        assertThat(throttle.counted()).isEqualTo(2 * LoginThrottle.SWEEP_AT);

        clock.now = clock.now.plus(Duration.ofMinutes(16));
        throttle.attempt("one-more", "10.1.0.2");

        assertThat(throttle.counted())
                .as("the expired names and addresses gone")
                .isEqualTo(2);
    }

    @Test
    void countsInsideTheirWindowStay() {
        for (int i = 0; i < 4; i++) {
            throttle.attempt("user-0", "10.1.0.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        for (int i = 0; i < LoginThrottle.SWEEP_AT; i++) {
            throttle.attempt("invented-" + i, address(i));
        }
        throttle.attempt("user-0", "10.1.0.1");

        assertThat(throttle.attempt("user-0", "10.1.0.2")).isPresent();
    }

    /**
     * D253: attempts sent at once each see the others' counts, so no more than the limit get their password compared.
     */
    @Test
    void attemptsMadeAtOnceAreHeldToTheLimit() throws Exception {
        int attempts = 64;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> allowed = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String from = address(i);
            allowed.add(threads.submit(() -> {
                start.await();
                return throttle.attempt("admin", from).isEmpty();
            }));
        }
        start.countDown();
        int compared = 0;
        for (Future<Boolean> one : allowed) {
            compared += one.get() ? 1 : 0;
        }
        threads.shutdown();

        assertThat(compared).isEqualTo(5);
    }

    @Test
    void aRightPasswordClearsTheUsernameAndUncountsItselfFromTheAddress() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.attempt("colleague-" + (i % 4), "10.2.0.1")).isEmpty();
            throttle.succeeded("colleague-" + (i % 4), "10.2.0.1");
        }

        assertThat(throttle.attempt("colleague-0", "10.2.0.1"))
                .as("twenty sign-ins from one office address are not twenty wrong passwords")
                .isEmpty();
        assertThat(throttle.counted()).isEqualTo(2);
    }

    /** Two users whose names differ in case are counted apart: one's right password clears none of the other's. */
    @Test
    void aRightPasswordOfAUsernameInAnotherCaseClearsNothing() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.attempt("staff2", address(i))).isEmpty();
        }
        assertThat(throttle.attempt("Staff2", "10.3.0.1")).isEmpty();
        throttle.succeeded("Staff2", "10.3.0.1");
        assertThat(throttle.attempt("staff2", address(4)))
                .as("the fifth wrong password")
                .isEmpty();

        assertThat(throttle.attempt("staff2", address(5)))
                .as("the sixth, past staff2's five")
                .isPresent();
    }

    private static String address(int i) {
        return "10.0." + i / 250 + "." + i % 250;
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
