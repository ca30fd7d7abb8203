package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * A server as it runs in production behind a proxy that ends HTTPS: the proxy (here, loopback) is listed in
 * ARROWSYNC_TRUSTED_PROXIES, so its X-Forwarded-* headers count; plain http Arrow URLs are refused
 * (ARROWSYNC_ARROW_ALLOW_HTTP is not set).
 */
@TestPropertySource(
        properties = {"server.tomcat.remoteip.internal-proxies=127.0.0.1/32", "arrowsync.arrow.client.allow-http=false"
        })
class TrustedProxyIntegrationTests extends IntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void aTrustedProxysForwardedHeadersMakeTheLinks() {
        String uuid = fixture.customer();
        Response response = api.withHeader("X-Forwarded-Proto", "https")
                .withHeader("X-Forwarded-Host", "billing.example.com")
                .get("/api/customers/" + uuid + "/")
                .expect(200);
        assertThat(response.text("url")).isEqualTo("https://billing.example.com/api/customers/" + uuid + "/");
    }

    @Test
    void behindATrustedProxyThatEndsHttpsTheConsoleCookiesAreSecure() {
        Response login =
                api.anonymous().withHeader("X-Forwarded-Proto", "https").get("/login");
        assertThat(login.headers().get("Set-Cookie"))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie)
                        .startsWith("ARROWSYNC_CSRF=")
                        .contains("Secure", "HttpOnly", "SameSite=Strict"));
    }

    /** D227: without a metrics token, the metrics go to scrapers on this host only, not to a client a proxy names. */
    @Test
    void withoutAMetricsTokenOnlyThisHostScrapesTheMetrics() {
        assertThat(api.anonymous().get("/metrics").expect(200).body()).contains("arrowsync_");
        Response refused = api.anonymous()
                .withHeader("X-Forwarded-For", "203.0.113.9")
                .get("/metrics")
                .expect(403);
        assertThat(refused.body()).contains("ARROWSYNC_METRICS_TOKEN").doesNotContain("arrowsync_");
    }

    @Test
    void plainHttpArrowUrlsAreRefusedWhereverTheyAreTypedIn() {
        for (String endpoint : new String[] {
            "/api/admin/arrow/settings/",
            "/api/admin/arrow/settings/validate_credentials/",
            "/api/admin/arrow/settings/preview_settings/",
            "/api/admin/arrow/settings/discover_customers/",
            "/api/admin/arrow/settings/save_settings/"
        }) {
            Response refused = api.post(
                            endpoint, Map.of("api_url", "http://arrow.example/api/", "api_key", "a-valid-key-4711"))
                    .expect(400);
            assertThat(refused.json().get("api_url").get(0).asString())
                    .as(endpoint)
                    .contains("https")
                    .contains("ARROWSYNC_ARROW_ALLOW_HTTP");
        }
    }
}
