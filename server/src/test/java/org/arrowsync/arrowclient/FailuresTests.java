package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

class FailuresTests {

    private static final String KEY = "k3y-0123456789";
    private final Failures failures = new Failures(KEY);

    @ParameterizedTest(name = "HTTP {0} -> {1}, retried: {2}")
    @CsvSource({
        "400, ArrowRejected, false",
        "401, ArrowUnauthorized, false",
        "403, ArrowUnauthorized, false",
        "404, ArrowNotFound, false",
        "409, ArrowRejected, false",
        "422, ArrowRejected, false",
        "429, ArrowRateLimited, true",
        "500, ArrowUnavailable, true",
        "502, ArrowUnavailable, true",
        "503, ArrowUnavailable, true",
        "504, ArrowUnavailable, true",
        "302, ArrowBadResponse, false",
        "600, ArrowBadResponse, false",
    })
    void choosesTheSubtypeByStatus(int status, String type, boolean retried) {
        ArrowException failure = failures.httpStatus("customers", status);
        assertThat(failure.getClass().getSimpleName()).isEqualTo(type);
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.endpoint()).isEqualTo("customers");
        assertThat(Failures.retryable(status)).isEqualTo(retried);
    }

    @ParameterizedTest(name = "body {0} {1} -> {2}")
    @CsvSource({
        "status, 401, ArrowUnauthorized",
        "status, 403, ArrowUnauthorized",
        "status, 404, ArrowNotFound",
        "status, 500, ArrowBadResponse",
        "status, 429, ArrowBadResponse",
        "code, 400, ArrowBadResponse",
        "code, 1234, ArrowBadResponse",
    })
    void anErrorInAnHttp200BodyIsTheErrorItSays(String field, int value, String type) {
        ArrowException failure = failures.bodyStatus("whoami", field, value);
        assertThat(failure.getClass().getSimpleName()).isEqualTo(type);
        assertThat(failure)
                .hasMessageStartingWith("Arrow API whoami returned HTTP 200 with body " + field + " " + value);
    }

    @Test
    void messageNamesEndpointAndStatusButNeverQuotesTheAnswer() {
        assertThat(failures.httpStatus("billing/erp/exports/sync", 502))
                .hasMessage("Arrow API billing/erp/exports/sync returned HTTP 502");
        assertThat(failures.invalidJson("whoami", 200))
                .hasMessage("Arrow API whoami returned invalid JSON (status 200)");
    }

    @Test
    void anAnswerTooSlowOrTooLargeSaysWhichLimitItHit() {
        assertThat(failures.tooSlow("whoami", Duration.ofSeconds(3)))
                .isInstanceOf(ArrowUnavailable.class)
                .hasMessage("Arrow API whoami did not answer completely within 3 s");
        assertThat(failures.tooLarge("customers", DataSize.ofMegabytes(16)))
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessage("Arrow API customers answered more than 16 MB, the most the client reads");
    }

    @Test
    void theDebugExcerptIsOneScrubbedLineOf200Characters() {
        byte[] body = ("<html>\n" + KEY + "\n" + "x".repeat(500)).getBytes(StandardCharsets.UTF_8);
        String excerpt = failures.excerpt(Body.of(body));
        assertThat(excerpt)
                .doesNotContain(KEY)
                .doesNotContain("\n")
                .contains("****")
                .endsWith("…");
        assertThat(excerpt).hasSize(201);
        assertThat(failures.excerpt(Body.of(new byte[0]))).isEqualTo("(empty)");
    }

    @Test
    void neverRepeatsTheApiKey() {
        assertThat(failures.transport("whoami", new ConnectException("refused " + KEY))
                        .getMessage())
                .doesNotContain(KEY)
                .contains("****");
        assertThat(failures.excerpt(Body.of(("{\"error\":\"bad key " + KEY + "\"}").getBytes(StandardCharsets.UTF_8))))
                .doesNotContain(KEY);
    }

    @Test
    void aTransportFailureIsUnavailableWithoutStatus() {
        ArrowException failure = failures.transport("customers", new ConnectException("Connection refused"));
        assertThat(failure)
                .isInstanceOf(ArrowUnavailable.class)
                .hasMessage("Arrow API request to customers failed: no connection could be made to the host"
                        + " (Connection refused)");
        assertThat(failure.status()).isZero();
    }

    /** The JDK's HTTP client wraps what failed; the message says it in words and names no exception class. */
    @Test
    void aTransportFailureIsSaidInWords() {
        ConnectException unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());
        assertThat(Failures.described(unresolved)).isEqualTo("the host name does not resolve to an address");
        assertThat(Failures.described(new SSLHandshakeException("PKIX path building failed")))
                .isEqualTo("the TLS handshake with the host failed (PKIX path building failed)");
        assertThat(Failures.described(new IOException("Connection reset", new SocketException("Connection reset"))))
                .isEqualTo("the connection broke before the answer was complete (Connection reset)");
        assertThat(Failures.described(new EOFException()))
                .isEqualTo("the connection broke before the answer was complete");
        assertThat(Failures.described(new InterruptedException()))
                .isEqualTo("the server stopped waiting for the answer (it is shutting down)");
    }

    @Test
    void runawayNamesTheCap() {
        assertThat(failures.runaway("licenses", 7))
                .hasMessage("Arrow API licenses kept paging past the cap of 7 pages");
    }
}
