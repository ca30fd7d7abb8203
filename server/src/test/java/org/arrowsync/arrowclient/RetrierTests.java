package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class RetrierTests {

    private final Failures failures = new Failures("secret-key");
    private final List<Duration> sleeps = new ArrayList<>();
    private final Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), () -> 0.0);
    private int calls;

    private long now;

    private Retrier retrier(int maxAttempts) {
        return new Retrier(maxAttempts, backoff, sleeps::add, Duration.ofMinutes(1), () -> now);
    }

    private <T> Retrier.Attempt<T> counted(IntFunction<Retrier.Outcome<T>> outcome) {
        return (attempt, timeLeft) -> {
            calls++;
            return outcome.apply(attempt);
        };
    }

    private Retrier.Outcome<String> transientStatus(int status, Duration retryAfter) {
        return Retrier.Outcome.transientFailure(failures.httpStatus("x", status), retryAfter);
    }

    @Test
    void retriesTransientFailuresUntilSuccess() {
        String value = retrier(4)
                .call(counted(attempt -> attempt < 3 ? transientStatus(503, null) : Retrier.Outcome.success("ok")));
        assertThat(value).isEqualTo("ok");
        assertThat(calls).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        assertThatThrownBy(() -> retrier(3).call(counted(attempt -> transientStatus(429, Duration.ofMillis(40)))))
                .isInstanceOf(ArrowRateLimited.class);
        assertThat(calls).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(40), Duration.ofMillis(40));
    }

    @Test
    void neverRetriesAFatalFailure() {
        assertThatThrownBy(() ->
                        retrier(5).call(counted(attempt -> Retrier.Outcome.fatal(failures.httpStatus("x", 400)))))
                .isInstanceOf(ArrowRejected.class);
        assertThat(calls).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void oneAttemptWhenRetriesAreSwitchedOff() {
        ArrowClientProperties off =
                new ArrowClientProperties(null, null, 5, null, null, 0, 0, false, null, null, false);
        assertThatThrownBy(() -> retrier(off.attempts()).call(counted(attempt -> transientStatus(502, null))))
                .isInstanceOf(ArrowUnavailable.class);
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void anInterruptedSleepStopsWithThePendingFailureAndKeepsTheFlag() {
        Retrier retrier = new Retrier(
                3,
                backoff,
                duration -> {
                    throw new InterruptedException();
                },
                Duration.ofMinutes(1),
                () -> now);
        assertThatThrownBy(() -> retrier.call(counted(attempt -> transientStatus(500, null))))
                .isInstanceOf(ArrowUnavailable.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void everyAttemptIsToldTheTimeLeftAndNoRetryOutlivesTheDeadline() {
        List<Duration> told = new ArrayList<>();
        Retrier retrier = new Retrier(10, backoff, sleeps::add, Duration.ofSeconds(10), () -> now);
        assertThatThrownBy(() -> retrier.call((attempt, timeLeft) -> {
                    told.add(timeLeft);
                    now += Duration.ofSeconds(4).toNanos(); // each attempt takes 4 s of the 10
                    return transientStatus(503, null);
                }))
                .isInstanceOf(ArrowUnavailable.class);
        assertThat(told).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(6), Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterBeyondTheDeadlineEndsTheCallAtOnce() {
        Retrier retrier = new Retrier(5, backoff, sleeps::add, Duration.ofMillis(50), () -> now);
        assertThatThrownBy(() -> retrier.call(counted(attempt -> transientStatus(429, Duration.ofSeconds(30)))))
                .isInstanceOf(ArrowRateLimited.class);
        assertThat(calls).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }
}
