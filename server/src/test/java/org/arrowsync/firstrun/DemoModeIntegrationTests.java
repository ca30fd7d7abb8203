package org.arrowsync.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.arrowsync.Application;
import org.arrowsync.emulator.EmulatorOptions;
import org.arrowsync.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** A server started with no Arrow configuration on an empty database: the demo, as an operator first sees it. */
class DemoModeIntegrationTests {

    @TempDir
    Path dataFolder;

    @Test
    void startsTheEmulatorWithActiveSettingsAndLookAlikeCustomersAndStopsItWithTheServer() {
        URI arrowUrl;
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--server.port=0", "--arrowsync.data.dir=" + dataFolder, "--arrowsync.demo.enabled=true")) {
            Api api =
                    Api.at(((WebServerApplicationContext) server).getWebServer().getPort());
            JsonNode active = api.get("/api/admin/arrow/settings/?is_active=true")
                    .expect(200)
                    .json();
            assertThat(active.size()).isEqualTo(1);
            assertThat(active.get(0).get("sync_enabled").asBoolean()).isFalse();
            assertThat(active.get(0).get("export_type_reference").asString())
                    .isEqualTo("E1-2-b2f08942207fbd6838ba332a98387c69");
            assertThat(active.get(0).get("partner_name").asString()).isNotBlank();
            String apiUrl = active.get(0).get("api_url").asString();
            arrowUrl = URI.create(apiUrl);
            assertThat(api.get("/api/customers/?page_size=50")
                            .expect(200)
                            .json()
                            .findValuesAsString("name"))
                    .containsAll(FirstRun.DEMO_CUSTOMERS);

            JsonNode discovered = api.post(
                            "/api/admin/arrow/settings/discover_customers/",
                            Map.of("api_url", apiUrl, "api_key", EmulatorOptions.DEMO_API_KEY))
                    .expect(200)
                    .json();
            assertThat(discovered.get("suggestions").size()).isEqualTo(5);
            for (JsonNode suggestion : discovered.get("suggestions")) {
                assertThat(suggestion.get("confidence").asDouble())
                        .as(suggestion.toString())
                        .isGreaterThan(0.5);
                assertThat(FirstRun.DEMO_CUSTOMERS)
                        .contains(suggestion
                                .get("suggested_waldur_customer")
                                .get("name")
                                .asString());
            }
        }
        assertThat(listening(arrowUrl))
                .as("the emulator stopped with the server")
                .isFalse();
    }

    private static boolean listening(URI url) {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
