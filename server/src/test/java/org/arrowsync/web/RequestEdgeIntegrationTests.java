package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.arrowsync.support.Api;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.RawHttp;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every request meets before any endpoint: the answer headers, the limits, the canonical path, the text rules and
 * JSON answers whatever the Accept header says; a client's bad request is refused with a 4xx and a JSON body, changes
 * nothing and is no error in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestEdgeIntegrationTests extends IntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    private static final String OFFERINGS = "/api/marketplace-public-offerings/";

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyAnswerSaysNosniffNoStoreAndItsRequestId() {
        for (Response response : List.of(
                api.anonymous().get("/health"),
                api.get("/api/customers/"),
                api.anonymous().get("/api/customers/"),
                api.get("/api/no-such-thing/"),
                api.anonymous().get("/api/schema/"),
                api.get("/metrics"),
                api.get("/health/details"),
                api.get("/api/admin/audit-log/"),
                api.get("/api/admin/webhooks/"),
                api.post("/api/users/", "{not json"))) {
            assertThat(response.header("X-Content-Type-Options"))
                    .as(response.path() + " " + response.status())
                    .isEqualTo("nosniff");
            assertThat(response.header("Cache-Control")).as(response.path()).isEqualTo("no-store");
            assertThat(response.header("X-Request-Id")).as(response.path()).matches("[0-9a-f]{32}");
        }
    }

    /** No page the API serves may be framed by another site: Swagger UI's is public HTML. */
    @Test
    void theApisPagesMayNotBeFramed() {
        for (String path : List.of("/api/docs/swagger-ui/index.html", "/api/schema/", "/api/customers/")) {
            Response answer = api.anonymous().get(path);
            assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).as(path).isEqualTo("frame-ancestors 'none'");
        }
    }

    /**
     * D227: without a metrics token, this host scrapes the metrics, but not a client that a proxy on this host, not
     * trusted, forwards.
     */
    @Test
    void withoutAMetricsTokenAProxyOnThisHostForwardsNoScraper() {
        assertThat(api.anonymous().get("/metrics").expect(200).body()).contains("arrowsync_");
        for (String header : List.of("X-Forwarded-For", "Forwarded")) {
            assertThat(api.anonymous()
                            .withHeader(header, header.equals("Forwarded") ? "for=198.51.100.7" : "198.51.100.7")
                            .get("/metrics")
                            .expect(403)
                            .body())
                    .as(header)
                    .contains("ARROWSYNC_METRICS_TOKEN");
        }
    }

    /** The endpoints outside the API document (which the hostile-request suite walks) refuse alike. */
    @Test
    void metricsAndHealthRefuseHostileRequestsWithAJson4xx() {
        for (String path : List.of("/metrics", "/health", "/health/details")) {
            for (String accept : List.of("application/xml", "text/html", "garbage/;;")) {
                Response answer = api.withHeader("Accept", accept).get(path);
                assertThat(answer.status()).as(path + " " + accept).isIn(200, 406);
                if (answer.status() == 406) {
                    assertThat(answer.header("Content-Type")).as(path).startsWith("application/json");
                }
            }
            Response nul = api.get(path + "?name=a%00b").expect(400);
            assertThat(nul.json().has("name")).as(path).isTrue();
            assertThat(api.get(path + "?name=" + "a".repeat(9000)).status()).isEqualTo(414);
        }
    }

    @Test
    void forwardedHeadersFromAClientThatIsNoTrustedProxyChangeNoLink() {
        String uuid = fixture.customer();
        Response response = api.withHeader("X-Forwarded-Host", "evil.example")
                .withHeader("X-Forwarded-Proto", "https")
                .withHeader("X-Forwarded-Port", "443")
                .get("/api/customers/?page_size=1")
                .expect(200);
        assertThat(response.header("Link"))
                .contains("http://localhost:" + port + "/")
                .doesNotContain("evil");
        assertThat(api.withHeader("X-Forwarded-Host", "evil.example")
                        .get("/api/customers/" + uuid + "/")
                        .text("url"))
                .isEqualTo("http://localhost:" + port + "/api/customers/" + uuid + "/");
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFoundNotAServerError() {
        Response json = api.anonymous().get("/error").expect(404);
        assertThat(json.text("detail")).isEqualTo("Not found.");
        assertThat(api.anonymous()
                        .withHeader("Accept", "text/html")
                        .get("/error")
                        .status())
                .isEqualTo(404);
        assertThat(api.anonymous().withHeader("Accept", "application/xml").get("/error"))
                .satisfies(answer -> assertThat(answer.status()).isEqualTo(404))
                .satisfies(answer -> assertThat(answer.text("detail")).isEqualTo("Not found."));
    }

    @Test
    void aPathSpelledAnyButTheCanonicalWayIsRefusedBeforeAuthentication() {
        for (String path : List.of(
                "/x/../api/admin/arrow/settings/",
                "/api/./admin/arrow/settings/",
                "/api/admin/arrow/%2e%2e/arrow/settings/",
                "/api//admin/arrow/settings/",
                "/api/customers/%0d%0a/")) {
            Response refused = api.anonymous().get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.text("detail")).as(path).startsWith("Malformed path");
        }
    }

    @Test
    void anOverlongQueryIs414AndAnOverlongOrOddParameterA400NamingIt() {
        Response tooLong = api.get("/api/customers/?name=" + "a".repeat(9000));
        assertThat(tooLong.status()).isEqualTo(414);
        assertThat(tooLong.text("detail")).contains("8192");

        Response longValue = api.get("/api/customers/?name=" + "a".repeat(3000)).expect(400);
        assertThat(longValue.json().get("name").get(0).asString()).contains("2048");

        assertThat(api.get("/api/customers/?name=a%00b")
                        .expect(400)
                        .json()
                        .get("name")
                        .get(0)
                        .asString())
                .isEqualTo("Null characters are not allowed.");
        assertThat(api.get("/api/customers/?name=a%0d%0aSet-Cookie:x")
                        .expect(400)
                        .json()
                        .get("name")
                        .get(0)
                        .asString())
                .isEqualTo("Control characters are not allowed.");
        assertThat(api.get("/api/customers/?na%00me=x").expect(400).json().has("non_field_errors"))
                .isTrue();
        String many = String.join(
                "&",
                java.util.stream.IntStream.range(0, 101)
                        .mapToObj(i -> "p" + i + "=1")
                        .toList());
        assertThat(api.get("/api/customers/?" + many).expect(400).text("detail"))
                .contains("100");
    }

    @Test
    void aMalformedEscapeInTheQueryIsA400NamingTheParameter() {
        // no HTTP client sends %zz; a socket does
        String answer = RawHttp.exchange(
                port, "GET /api/customers/?name=%zz HTTP/1.1", "Authorization: Token " + Api.ADMIN_TOKEN);
        assertThat(answer).startsWith("HTTP/1.1 400").contains("{\"name\":[\"Malformed escape.\"]}");
    }

    /**
     * A method no endpoint takes is a 405 naming it, as Waldur answers; an HTTP version Tomcat does not speak, a 505.
     */
    @Test
    void aMethodOrVersionTheServerDoesNotTakeIsNamedInWords() {
        String taken = allowHeader(
                RawHttp.exchange(port, "PUT /api/customers/ HTTP/1.1", "Authorization: Token " + Api.ADMIN_TOKEN));
        assertThat(taken).contains("GET").contains("POST").doesNotContain("PUT");
        for (String method : List.of("FOO", "PROPFIND", "get")) {
            String answer = RawHttp.exchange(
                    port, method + " /api/customers/ HTTP/1.1", "Authorization: Token " + Api.ADMIN_TOKEN);
            assertThat(answer)
                    .startsWith("HTTP/1.1 405")
                    .contains("X-Content-Type-Options: nosniff")
                    .contains("\"detail\":\"Method \\\"" + method + "\\\" not allowed.\"");
            assertThat(allowHeader(answer))
                    .as("the methods the path takes, as any 405 lists them")
                    .isEqualTo(taken);
        }
        assertThat(RawHttp.exchange(port, "TRACE /api/customers/ HTTP/1.1")) // refused by Tomcat itself
                .startsWith("HTTP/1.1 405")
                .contains("X-Content-Type-Options: nosniff")
                .contains("Method not allowed: the Allow header lists the methods this path takes.");
        assertThat(RawHttp.exchange(
                        port,
                        "POST /api/customers/ HTTP/1.1",
                        "Authorization: Token " + Api.ADMIN_TOKEN,
                        "Transfer-Encoding: gzip"))
                .startsWith("HTTP/1.1 501")
                .contains("Not implemented: the server does not take this method or transfer coding.");
        assertThat(RawHttp.exchange(port, "GET /health HTTP/2.0"))
                .startsWith("HTTP/1.1 505")
                .contains("{\"detail\": \"HTTP version not supported: send HTTP/1.1.\"}");
        // HTTP/0.9 has no status line: what is refused shows in the body alone
        assertThat(RawHttp.exchange(port, "GET /health\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("{\"detail\":\"HTTP version not supported: send HTTP/1.1.\"}");
    }

    @Test
    void parametersThatAreNotUtf8AreA400WhereverTheyAreAndNoErrorInTheLog(CapturedOutput output) {
        int before = output.getAll().length();
        for (Response refused : List.of(
                api.anonymous().get("/health?x=%ff"),
                api.anonymous().get("/api/schema/?x=%ff"),
                api.anonymous().get("/login?x=%ff"),
                api.get("/api/customers/?name=%c3"),
                api.get("/api/customers/?name=%ed%a0%80"),
                api.get("/api/customers/?%ff=1"),
                api.post("/api/customers/?x=%ff", Map.of("name", "x")),
                api.sendRaw(
                        "POST",
                        "/api/customers/",
                        Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        "name=%ff"))) {
            assertThat(refused.status()).as(refused.path()).isEqualTo(400);
            assertThat(refused.text("detail")).as(refused.path()).contains("UTF-8");
        }
        assertThat(output.getAll().substring(before)).doesNotContain(" ERROR ");
    }

    @Test
    void aWildcardBodyTypeIs415AndStoresNothing() {
        String name = ArrowFixture.unique("wildcard");
        for (String type : List.of("*/*", "application/*", "text/*", "application/*+json", "*/json")) {
            for (String body : List.of("{\"name\": \"" + name + "\"}", "")) {
                Response refused = api.sendRaw("POST", "/api/customers/", Map.of("Content-Type", type), body);
                assertThat(refused.status()).as(type + " " + body).isEqualTo(415);
                assertThat(refused.text("detail")).contains(type);
                assertThat(refused.header("Content-Type")).startsWith("application/json");
            }
        }
        assertThat(jdbc.sql("select count(*) from customers where name = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aHeaderLineTomcatCannotReadLeavesNoPartOfItInTheLog(CapturedOutput output) {
        // the tests log at WARN; a server logs at INFO, where Tomcat quotes the first header line it cannot read
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        int before = output.getAll().length();
        try {
            RawHttp.exchange(port, "GET /health HTTP/1.1", "Authorization: Token 5ec7e7\u0000");
        } finally {
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        }
        assertThat(output.getAll().substring(before)).doesNotContain("5ec7e7");
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutADeclaredLengthAndStoresNothing() throws Exception {
        long before = offerings();
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"type\": \"Marketplace.Basic\"}";
        Response declared = api.post(OFFERINGS, huge);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.text("detail")).contains("1048576");

        HttpResponse<String> chunked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + OFFERINGS))
                                .header("Authorization", "Token " + Api.ADMIN_TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"detail\"");
        assertThat(offerings()).isEqualTo(before);
    }

    @Test
    void aListOverTheItemLimitOrWithANullInsideIsA400NamingItAndStoresNothing() {
        long before = offerings();
        List<Map<String, String>> components = Collections.nCopies(
                1001, Map.of("type", "c", "name", "C", "billing_type", "usage", "measured_unit", "EUR"));
        Response tooMany = api.post(
                        OFFERINGS, Map.of("name", "Many", "type", "Marketplace.Basic", "components", components))
                .expect(400);
        assertThat(tooMany.json().get("components").get(0).asString())
                .isEqualTo("Ensure this field has no more than 1000 elements.");
        Response nullItem = api.post(
                        OFFERINGS,
                        "{\"name\": \"Nulls\", \"type\": \"Marketplace.Basic\", \"plans\": [{\"name\": \"A\"}, null]}")
                .expect(400);
        assertThat(nullItem.json().get("plans").toString())
                .as("nested as DRF answers a list serializer's child refused whole")
                .isEqualTo("[{},[\"This field may not be null.\"]]");
        assertThat(offerings()).isEqualTo(before);
    }

    /** An overlong form ({@code C0 A2} for a quote) is no UTF-8: refused, not read as the character it spells. */
    @Test
    void aBodyWhoseBytesAreNotUtf8IsRefused() {
        byte[] body = "{\"name\": \"quote-overlong \u00c0\u00a2 x\"}".getBytes(StandardCharsets.ISO_8859_1);
        String head = "POST /api/customers/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Token " + Api.ADMIN_TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        byte[] request = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
        System.arraycopy(body, 0, request, head.length(), body.length);

        String answer = RawHttp.exchange(port, request);

        assertThat(answer).startsWith("HTTP/1.1 400").contains("The request body is not UTF-8.");
        assertThat(api.get("/api/customers/?name=quote-overlong").expect(200).json())
                .isEmpty();
    }

    @Test
    void textNoColumnCanHoldIsA400NamingTheFieldWhereverItIsNested() {
        long before = offerings();
        assertThat(api.post("/api/customers/", "{\"name\": \"Null\\u0000Corp\"}")
                        .expect(400)
                        .json()
                        .get("name")
                        .get(0)
                        .asString())
                .isEqualTo("Null characters are not allowed.");
        assertThat(api.post("/api/customers/", "{\"name\": \"Half \\ud800 pair\"}")
                        .expect(400)
                        .json()
                        .get("name")
                        .get(0)
                        .asString())
                .isEqualTo("Surrogate characters are not allowed: U+D800.");
        assertThat(api.post(
                                OFFERINGS,
                                "{\"name\": \"N\", \"type\": \"T\", \"components\": [{\"type\": \"a\\u0000\","
                                        + " \"name\": \"x\"}]}")
                        .expect(400)
                        .json()
                        .get("components")
                        .get(0)
                        .has("type"))
                .isTrue();
        assertThat(offerings()).isEqualTo(before);
    }

    @Test
    void aBodyNestedTooDeeplyIsA400() {
        String deep = "[".repeat(2000) + "]".repeat(2000);
        assertThat(api.post("/api/marketplace-resources/", "{\"name\": \"R\", \"attributes\": " + deep + "}")
                        .expect(400)
                        .text("detail"))
                .contains("JSON");
        assertThat(api.post("/api/customers/", "{\"name\": " + deep + "}")
                        .expect(400)
                        .json()
                        .has("name"))
                .isTrue();
    }

    @Test
    void anAcceptHeaderTheEndpointCannotSatisfyIs406InJsonAllTheSame() {
        for (String accept : List.of("application/xml", "text/html", "garbage", "image/png;q=x")) {
            Response refused = api.withHeader("Accept", accept).get("/api/customers/");
            assertThat(refused.status()).as(accept).isEqualTo(406);
            assertThat(refused.header("Content-Type")).as(accept).startsWith("application/json");
            assertThat(refused.text("detail")).as(accept).isNotBlank();
        }
        Response unsupported = api.withHeader("Content-Type", "text/plain").post("/api/customers/", null);
        assertThat(unsupported.status()).isIn(400, 415);
    }

    @Test
    void refusalsAreNoErrorsInTheLog(CapturedOutput output) {
        int before = output.getAll().length();
        api.get("/api/customers/?name=a%00b");
        long unique = System.nanoTime();
        api.post("/api/customers/", "{\"name\": \"a\\u0000b" + unique + "\"}");
        api.withHeader("Accept", "application/xml").get("/api/customers/");
        api.anonymous().get("/x/../api/customers/");
        api.get("/api/customers/?name=" + "a".repeat(9000));
        api.get("/api/customers/nope/");
        String logged = output.getAll().substring(before);
        assertThat(logged).doesNotContain(" ERROR ").doesNotContain(" WARN ");
        assertThat(jdbc.sql("select count(*) from audit_log where status = 400 and request -> 'body' ->> 'name' = ?")
                        .param("a\uFFFDb" + unique)
                        .query(Long.class)
                        .single())
                .as("the refused request is in the audit log all the same")
                .isEqualTo(1);
    }

    private long offerings() {
        return jdbc.sql("select count(*) from offerings").query(Long.class).single();
    }

    private static String allowHeader(String answer) {
        return answer.lines()
                .filter(line -> line.regionMatches(true, 0, "Allow:", 0, 6))
                .map(line -> line.substring(6).strip())
                .findFirst()
                .orElse("");
    }
}
