package org.arrowsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FaultTests extends DemoEmulator {

    @Test
    void injects429WithRetryAfterForTheNextCallOnly() {
        fault("{\"family\":\"whoami\",\"kind\":\"429\",\"retryAfter\":7,\"count\":1}");
        Http.Reply faulted = http.get("whoami");
        assertThat(faulted.status()).isEqualTo(429);
        assertThat(faulted.header("Retry-After")).isEqualTo("7");
        assertThat(faulted.header("X-Emulator-Fault")).isEqualTo("429");
        assertThat(faulted.json().get("status").asInt()).isEqualTo(429);
        assertThat(http.get("whoami").status()).isEqualTo(200);
        JsonNode stats = http.control("GET", "stats", null).json().get("whoami");
        assertThat(stats.get("requests").asInt()).isEqualTo(2);
        assertThat(stats.get("429").asInt()).isEqualTo(1);
        assertThat(stats.get("200").asInt()).isEqualTo(1);
    }

    @Test
    void injectsServerErrorsPerFamily() {
        for (String status : new String[] {"500", "502", "503"}) {
            fault("{\"family\":\"customers\",\"kind\":\"" + status + "\"}");
            assertThat(http.get("whoami").status()).isEqualTo(200);
            Http.Reply faulted = http.get("customers");
            assertThat(faulted.status()).isEqualTo(Integer.parseInt(status));
            assertThat(faulted.header("X-Emulator-Fault")).isEqualTo(status);
            assertThat(faulted.json().has("correlationId")).isTrue();
        }
        assertThat(http.control("GET", "stats", null)
                        .json()
                        .get("customers")
                        .get("503")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void delaysWithLatencyFault() {
        fault("{\"family\":\"licenses\",\"kind\":\"latency\",\"latencyMs\":300}");
        long start = System.nanoTime();
        Http.Reply reply = http.get("licenses");
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Emulator-Fault")).isEqualTo("latency");
    }

    @Test
    void servesMalformedJson() {
        fault("{\"family\":\"*\",\"kind\":\"malformed_json\"}");
        Http.Reply reply = http.get("customers");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Emulator-Fault")).isEqualTo("malformed_json");
        assertThat(reply.body()).startsWith("{").doesNotEndWith("}");
    }

    @Test
    void servesAnErrorBodyWithHttp200() {
        fault("{\"family\":\"whoami\",\"kind\":\"error_body_200\"}");
        Http.Reply reply = http.get("whoami");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
        assertThat(reply.json().get("message").asString()).isEqualTo("Unauthorized");
        assertThat(reply.header("X-Emulator-Fault")).isEqualTo("error_body_200");
    }

    @Test
    void shortensAPageButKeepsItsPagination() {
        fault("{\"family\":\"exports\",\"kind\":\"short_page\"}");
        Http.Reply reply = http.export(ALT, "2026-10", "2026-10", 1, 10);
        assertThat(reply.header("X-Emulator-Fault")).isEqualTo("short_page");
        assertThat(reply.json().get("data").get("values").size()).isEqualTo(5);
        assertThat(reply.json().get("pagination").get("perPage").asInt()).isEqualTo(10);
    }

    @Test
    void dripFeedsTheAnswerOneByteAtATime() {
        fault("{\"family\":\"whoami\",\"kind\":\"drip\",\"latencyMs\":5}");
        long start = System.nanoTime();
        Http.Reply reply = http.get("whoami");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Emulator-Fault")).isEqualTo("drip");
        assertThat(reply.json().get("data").has("companyName")).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000)
                .isGreaterThanOrEqualTo(5L * reply.body().length());
    }

    @Test
    void servesAHugeAnswerWithoutHoldingIt() {
        fault("{\"family\":\"customers\",\"kind\":\"huge\",\"sizeMb\":3}");
        Http.Reply reply = http.get("customers");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Emulator-Fault")).isEqualTo("huge");
        assertThat(reply.body().length()).isGreaterThan(3 * 1024 * 1024);
        assertThat(reply.json().get("data").get("padding").asString()).startsWith("xxxx");
    }

    @Test
    void servesGarbageAsJson() {
        fault("{\"family\":\"*\",\"kind\":\"garbage\"}");
        Http.Reply reply = http.get("customers");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.body()).startsWith("\u0000");
    }

    @Test
    void resetsTheConnectionHalfwayThroughTheAnswer() throws IOException {
        fault("{\"family\":\"whoami\",\"kind\":\"reset\",\"count\":2}");
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(5000); // a connection kept open would time out here instead of ending
            socket.getOutputStream()
                    .write(("GET " + emulator.apiBaseUrl().getPath() + "whoami HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "apiKey: " + emulator.apiKey() + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            String body = answer.substring(head.length() + 4);
            Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
            assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("X-Emulator-Fault: reset");
            assertThat(length.find()).isTrue();
            assertThat(body).isNotEmpty().hasSize(Integer.parseInt(length.group(1)) / 2);
        }
        assertThatThrownBy(() -> http.get("whoami")).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get("whoami").status()).isEqualTo(200);
    }

    @Test
    void probabilisticFaultsAreSeededAndClearable() {
        fault("{\"family\":\"whoami\",\"kind\":\"500\",\"probability\":0.5}");
        int failures = 0;
        for (int i = 0; i < 40; i++) {
            failures += http.get("whoami").status() == 500 ? 1 : 0;
        }
        assertThat(failures).isBetween(5, 35);
        assertThat(http.control("DELETE", "faults", null).status()).isEqualTo(200);
        assertThat(http.get("whoami").status()).isEqualTo(200);
        http.control("DELETE", "stats", null);
        assertThat(http.control("GET", "stats", null).json().size()).isZero();
    }

    @Test
    void refusesUnknownFaultKinds() {
        assertThat(http.control("POST", "faults", "{\"kind\":\"teapot\"}").status())
                .isEqualTo(400);
        assertThat(http.control("POST", "faults", "{\"kind\":\"500\",\"family\":\"nope\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void rateLimitAnswers429WithRetryAfterWhenExceeded() {
        http.control("POST", "rate-limit", "{\"requestsPerSecond\":5}");
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 20; i++) {
            Http.Reply reply = http.get("whoami");
            if (reply.status() == 429) {
                limited++;
                retryAfter = reply.header("Retry-After");
            }
        }
        assertThat(limited).isPositive();
        assertThat(Integer.parseInt(retryAfter)).isPositive();
        http.control("POST", "rate-limit", "{\"requestsPerSecond\":0}");
        assertThat(http.get("whoami").status()).isEqualTo(200);
    }

    private static void fault(String json) {
        assertThat(http.control("POST", "faults", json).status()).isEqualTo(201);
    }
}
