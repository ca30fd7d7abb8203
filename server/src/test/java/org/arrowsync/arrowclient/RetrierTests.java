package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrierTests {

    private final Failures failures = new Failures("secret-key");
    private final List<Duration> sleeps = new ArrayList<>();
    private final Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), () -> 0.0);

    private Retrier retrier(int maxAttempts) {
        return new Retrier(maxAttempts, backoff, sleeps::add);
    }

    @Test
    void retriesTransientFailuresUntilSuccess() {
        int[] calls = {0};
        String value = retrier(4).call(attempt -> {
            calls[0]++;
            return attempt < 3
                    ? Retrier.Outcome.transientFailure(failures.httpStatus("x", 503, ""), null)
                    : Retrier.Outcome.success("ok");
        });
        assertThat(value).isEqualTo("ok");
        assertThat(calls[0]).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        int[] calls = {0};
        assertThatThrownBy(() -> retrier(3).call(attempt -> {
            calls[0]++;
            return Retrier.Outcome.transientFailure(failures.httpStatus("x", 429, "slow down"), Duration.ofMillis(40));
        })).isInstanceOf(ArrowRateLimited.class);
        assertThat(calls[0]).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(40), Duration.ofMillis(40));
    }

    @Test
    void neverRetriesAFatalFailure() {
        int[] calls = {0};
        assertThatThrownBy(() -> retrier(5).call(attempt -> {
            calls[0]++;
            return Retrier.Outcome.fatal(failures.httpStatus("x", 400, "bad"));
        })).isInstanceOf(ArrowRejected.class);
        assertThat(calls[0]).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void oneAttemptWhenRetriesAreSwitchedOff() {
        ArrowClientProperties off = new ArrowClientProperties(null, null, 5, null, null, 0, 0, false);
        int[] calls = {0};
        assertThatThrownBy(() -> retrier(off.attempts()).call(attempt -> {
            calls[0]++;
            return Retrier.Outcome.transientFailure(failures.httpStatus("x", 502, ""), null);
        })).isInstanceOf(ArrowUnavailable.class);
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void anInterruptedSleepStopsWithThePendingFailureAndKeepsTheFlag() {
        Retrier retrier = new Retrier(3, backoff, duration -> {
            throw new InterruptedException();
        });
        assertThatThrownBy(() -> retrier.call(attempt ->
                Retrier.Outcome.transientFailure(failures.httpStatus("x", 500, ""), null)))
                .isInstanceOf(ArrowUnavailable.class);
        assertThat(Thread.interrupted()).isTrue();
    }
}
