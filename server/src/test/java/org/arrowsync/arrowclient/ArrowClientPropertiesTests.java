package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArrowClientPropertiesTests {

    @Test
    void unsetValuesFallBackToTheDefaults() {
        ArrowClientProperties defaults = ArrowClientProperties.defaults();
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.maxAttempts()).isEqualTo(4);
        assertThat(defaults.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.requestsPerSecond()).isEqualTo(5.0);
        assertThat(defaults.maxPages()).isEqualTo(10_000);
        assertThat(defaults.retriesEnabled()).isTrue();
        assertThat(defaults.attempts()).isEqualTo(4);
    }

    @Test
    void givenValuesAreKept() {
        ArrowClientProperties given = new ArrowClientProperties(Duration.ofSeconds(1), Duration.ofSeconds(2), 2,
                Duration.ofMillis(3), Duration.ofMillis(4), 50, 9, false);
        assertThat(given.maxAttempts()).isEqualTo(2);
        assertThat(given.maxPages()).isEqualTo(9);
        assertThat(given.requestsPerSecond()).isEqualTo(50.0);
        assertThat(given.attempts()).isEqualTo(1);
    }
}
