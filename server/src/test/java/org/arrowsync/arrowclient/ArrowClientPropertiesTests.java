package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

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
        assertThat(defaults.callTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(defaults.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(16));
        assertThat(defaults.allowHttp()).isFalse();
    }

    @Test
    void givenValuesAreKept() {
        ArrowClientProperties given = new ArrowClientProperties(
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                2,
                Duration.ofMillis(3),
                Duration.ofMillis(4),
                50,
                9,
                false,
                Duration.ofSeconds(5),
                DataSize.ofKilobytes(64),
                true);
        assertThat(given.maxAttempts()).isEqualTo(2);
        assertThat(given.maxPages()).isEqualTo(9);
        assertThat(given.requestsPerSecond()).isEqualTo(50.0);
        assertThat(given.attempts()).isEqualTo(1);
        assertThat(given.callTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(given.maxResponseSize()).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(given.allowHttp()).isTrue();
    }

    @Test
    void bindsFromSpringPropertiesWithDefaultsForWhatIsNotSet() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "arrowsync.arrow.client.read-timeout", "15s",
                "arrowsync.arrow.client.max-attempts", "2",
                "arrowsync.arrow.client.requests-per-second", "2.5",
                "arrowsync.arrow.client.retries-enabled", "false",
                "arrowsync.arrow.client.max-response-size", "2MB",
                "arrowsync.arrow.client.allow-http", "true")));
        ArrowClientProperties bound = binder.bind("arrowsync.arrow.client", ArrowClientProperties.class)
                .get();
        assertThat(bound.readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(bound.maxAttempts()).isEqualTo(2);
        assertThat(bound.requestsPerSecond()).isEqualTo(2.5);
        assertThat(bound.retriesEnabled()).isFalse();
        assertThat(bound.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(bound.allowHttp()).isTrue();
        assertThat(bound.connectTimeout()).isEqualTo(ArrowClientProperties.DEFAULT_CONNECT_TIMEOUT);
        assertThat(bound.maxPages()).isEqualTo(ArrowClientProperties.DEFAULT_MAX_PAGES);

        ArrowClientProperties unset = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("arrowsync.arrow.client", ArrowClientProperties.class);
        assertThat(unset).isEqualTo(ArrowClientProperties.defaults());
    }
}
