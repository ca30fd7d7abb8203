package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.arrowsync.support.Emulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/**
 * Whatever answers at the API URL, a call ends within its deadline, reads no more than its cap and says what went wrong
 * in its own words: a drip feed, a huge answer, bytes that are no JSON; and it calls nothing it should not (plain http,
 * a key that cannot be sent).
 */
class HostileUpstreamEmulatorTests {

    @RegisterExtension
    static final Emulator emulator = new Emulator();

    private static ArrowClientProperties properties(
            Duration readTimeout, Duration callTimeout, DataSize maxResponseSize, boolean allowHttp) {
        return new ArrowClientProperties(
                Duration.ofSeconds(2),
                readTimeout,
                3,
                Duration.ofMillis(2),
                Duration.ofMillis(10),
                10_000,
                1000,
                true,
                callTimeout,
                maxResponseSize,
                allowHttp);
    }

    @Test
    void aDripFedAnswerFailsWithinTheCallDeadline() {
        // a byte every 200 ms: each read is quick, the answer would take a minute
        emulator.fault("{\"family\":\"whoami\",\"kind\":\"drip\",\"latencyMs\":200,\"count\":5}");
        ArrowClient client = new ArrowClients(
                        properties(Duration.ofSeconds(1), Duration.ofMillis(2500), DataSize.ofMegabytes(1), true))
                .connect(emulator.connection());
        long started = System.nanoTime();
        assertThatThrownBy(client::whoami)
                .isInstanceOf(ArrowUnavailable.class)
                .hasMessageStartingWith("Arrow API whoami did not answer completely within ");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3500));
        assertThat(emulator.requests("whoami"))
                .as("attempts within 2.5 s of 1 s each")
                .isEqualTo(3);
    }

    @Test
    void aHugeAnswerIsCutOffAtTheCapAndNotAskedForAgain() {
        emulator.fault("{\"family\":\"customers\",\"kind\":\"huge\",\"sizeMb\":400,\"count\":3}");
        ArrowClient client = new ArrowClients(
                        properties(Duration.ofSeconds(30), Duration.ofSeconds(60), DataSize.ofMegabytes(1), true))
                .connect(emulator.connection());
        long started = System.nanoTime();
        assertThatThrownBy(client::customers)
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessage("Arrow API customers answered more than 1 MB, the most the client reads");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(emulator.requests("customers")).isEqualTo(1);
    }

    @Test
    void bytesThatAreNoJsonAreABadResponseThatQuotesNothing() {
        emulator.fault("{\"family\":\"whoami\",\"kind\":\"garbage\"}");
        assertThatThrownBy(emulator.client()::whoami)
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessage("Arrow API whoami returned invalid JSON (status 200)");
    }

    @Test
    void plainHttpIsCalledOnlyWhereAllowed() {
        ArrowClients clients = new ArrowClients(
                properties(Duration.ofSeconds(5), Duration.ofSeconds(10), DataSize.ofMegabytes(1), false));
        assertThatThrownBy(() -> clients.connect(emulator.connection()))
                .isInstanceOf(ArrowConnectionRefused.class)
                .hasMessageContaining("plain http")
                .hasMessageContaining("ARROWSYNC_ARROW_ALLOW_HTTP");
        assertThat(emulator.requests("whoami")).isZero();

        clients.allowPlainHttpTo(URI.create(emulator.apiUrl()));
        assertThat(clients.connect(emulator.connection()).whoami().companyName())
                .isNotBlank();
        assertThat(clients.allows(URI.create("http://127.0.0.1:1/")))
                .as("another port")
                .isFalse();
        assertThat(clients.allows(URI.create("https://xsp.arrow.com/"))).isTrue();
        assertThatThrownBy(() -> clients.allowPlainHttpTo(URI.create("http://xsp.arrow.com/")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyThatCannotBeSentIsRefusedUnsentAndUnquoted() {
        String key = "secret-key\r\nX-Injected: 1";
        assertThatThrownBy(() -> new ArrowClients(ClientSettings.fast())
                        .connect(new ArrowConnection(URI.create(emulator.apiUrl()), key)))
                .isInstanceOf(ArrowConnectionRefused.class)
                .satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain("secret-key").contains("cannot carry"));
        assertThat(emulator.requests("whoami")).isZero();
    }
}
