package org.arrowsync.arrowclient;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Runs one request up to {@code maxAttempts} times, sleeping the backoff between retryable failures, all within one
 * deadline: each attempt is told the time left, and no retry starts that the deadline would cut short.
 */
final class Retrier {

    /** The outcome of one attempt: a value, or a failure that may be retried after an optional delay hint. */
    record Outcome<T>(T value, ArrowException failure, boolean retryable, Duration retryAfter) {

        static <T> Outcome<T> success(T value) {
            return new Outcome<>(value, null, false, null);
        }

        static <T> Outcome<T> fatal(ArrowException failure) {
            return new Outcome<>(null, failure, false, null);
        }

        static <T> Outcome<T> transientFailure(ArrowException failure, Duration retryAfter) {
            return new Outcome<>(null, failure, true, retryAfter);
        }
    }

    interface Attempt<T> {
        /** One attempt, which must end within {@code timeLeft}. */
        Outcome<T> run(int attempt, Duration timeLeft);
    }

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Duration deadline;
    private final LongSupplier nanoTime;

    Retrier(int maxAttempts, Backoff backoff, Sleeper sleeper, Duration deadline, LongSupplier nanoTime) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.deadline = deadline;
        this.nanoTime = nanoTime;
    }

    <T> T call(Attempt<T> attempt) {
        long end = nanoTime.getAsLong() + deadline.toNanos();
        for (int number = 1; ; number++) {
            Outcome<T> outcome = attempt.run(number, left(end));
            if (outcome.failure() == null) {
                return outcome.value();
            }
            if (!outcome.retryable() || number >= maxAttempts) {
                throw outcome.failure();
            }
            Duration delay = backoff.delay(number, outcome.retryAfter());
            if (delay.compareTo(left(end)) >= 0) {
                throw outcome.failure(); // the deadline would come before the next attempt could answer
            }
            pause(delay, outcome.failure());
        }
    }

    private Duration left(long end) {
        return Duration.ofNanos(Math.max(0, end - nanoTime.getAsLong()));
    }

    private void pause(Duration delay, ArrowException pending) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw pending;
        }
    }
}
