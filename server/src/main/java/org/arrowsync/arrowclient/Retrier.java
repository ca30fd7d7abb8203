package org.arrowsync.arrowclient;

import java.time.Duration;

/** Runs one request up to {@code maxAttempts} times, sleeping the backoff between retryable failures. */
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
        Outcome<T> run(int attempt);
    }

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Backoff backoff;
    private final Sleeper sleeper;

    Retrier(int maxAttempts, Backoff backoff, Sleeper sleeper) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    <T> T call(Attempt<T> attempt) {
        for (int number = 1; ; number++) {
            Outcome<T> outcome = attempt.run(number);
            if (outcome.failure() == null) {
                return outcome.value();
            }
            if (!outcome.retryable() || number >= maxAttempts) {
                throw outcome.failure();
            }
            pause(backoff.delay(number, outcome.retryAfter()), outcome.failure());
        }
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
