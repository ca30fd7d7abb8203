package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTests {

    private static final Instant NOW = Instant.parse("2024-08-01T12:00:00Z");

    @ParameterizedTest(name = "Retry-After [{0}] -> {1} ms")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "3                              | 3000",
                "' 0 '                          | 0",
                "1.5                            | 1500",
                "Thu, 01 Aug 2024 12:00:10 GMT  | 10000",
                "Thu, 01 Aug 2024 11:00:00 GMT  | 0",
                "-1                             | NULL",
                "soon                           | NULL",
                "''                             | NULL",
                "NULL                           | NULL",
            })
    void readsRetryAfter(String header, Long expectedMillis) {
        Duration parsed = Backoff.parseRetryAfter(header, NOW);
        assertThat(parsed == null ? null : parsed.toMillis()).isEqualTo(expectedMillis);
    }

    @ParameterizedTest(name = "retry {0}, random {1} -> {2} ms")
    @CsvSource({
        // initial 100 ms, cap 1000 ms: half fixed, half jitter
        "1, 0.0, 50",
        "1, 0.999, 99",
        "2, 0.0, 100",
        "3, 0.5, 300",
        "4, 0.0, 400",
        "5, 0.0, 500",
        "5, 0.999, 999",
        "40, 0.0, 500",
    })
    void backsOffExponentiallyWithJitterUpToTheCap(int retry, double random, long expectedMillis) {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> random);
        assertThat(backoff.delay(retry, null).toMillis()).isEqualTo(expectedMillis);
    }

    @ParameterizedTest(name = "Retry-After {0} ms -> {1} ms")
    @CsvSource({"200, 200", "0, 0", "1000, 1000", "60000, 1000"})
    void honoursRetryAfterUpToTheCap(long retryAfterMillis, long expectedMillis) {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.7);
        assertThat(backoff.delay(3, Duration.ofMillis(retryAfterMillis)).toMillis())
                .isEqualTo(expectedMillis);
    }

    @Test
    void neverExceedsTheCapWhateverTheRandom() {
        Backoff backoff = new Backoff(Duration.ofMillis(300), Duration.ofMillis(700), Math::random);
        for (int retry = 1; retry < 100; retry++) {
            assertThat(backoff.delay(retry, null)).isLessThanOrEqualTo(Duration.ofMillis(700));
        }
    }
}
