package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        ArrowException failure = failures.httpStatus("customers", status, "{}");
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
        ArrowException failure = failures.bodyStatus("whoami", field, value, "{\"" + field + "\":" + value + "}");
        assertThat(failure.getClass().getSimpleName()).isEqualTo(type);
        assertThat(failure)
                .hasMessageStartingWith("Arrow API whoami returned HTTP 200 with body " + field + " " + value);
    }

    @Test
    void messageNamesEndpointStatusAndTheFirst200CharactersOfTheBody() {
        String body = "x".repeat(500);
        ArrowException failure = failures.httpStatus("billing/erp/exports/sync", 502, body);
        assertThat(failure)
                .hasMessage("Arrow API billing/erp/exports/sync returned HTTP 502: " + "x".repeat(200) + "…");
    }

    @Test
    void anEmptyBodyIsSaidToBeEmpty() {
        assertThat(failures.httpStatus("whoami", 500, "")).hasMessage("Arrow API whoami returned HTTP 500: (empty)");
    }

    @Test
    void neverRepeatsTheApiKey() {
        String echo = "{\"error\":\"bad key " + KEY + "\",\"apiKey\":\"" + KEY + "\"}";
        assertThat(failures.httpStatus("whoami", 401, echo).getMessage())
                .doesNotContain(KEY)
                .contains("****");
        assertThat(failures.invalidJson("whoami", 200, "<html>" + KEY).getMessage())
                .doesNotContain(KEY);
        assertThat(failures.transport("whoami", new ConnectException("refused " + KEY))
                        .getMessage())
                .doesNotContain(KEY);
        assertThat(failures.bodyStatus("whoami", "status", 401, KEY).getMessage())
                .doesNotContain(KEY);
    }

    @Test
    void aTransportFailureIsUnavailableWithoutStatus() {
        ArrowException failure = failures.transport("customers", new ConnectException("Connection refused"));
        assertThat(failure)
                .isInstanceOf(ArrowUnavailable.class)
                .hasMessage("Arrow API request to customers failed: ConnectException: Connection refused");
        assertThat(failure.status()).isZero();
    }

    @Test
    void runawayNamesTheCap() {
        assertThat(failures.runaway("licenses", 7))
                .hasMessage("Arrow API licenses kept paging past the cap of 7 pages");
    }
}
