package org.arrowsync.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.arrowsync.Application;
import org.arrowsync.emulator.EmulatorOptions;
import org.arrowsync.support.Api;
import org.arrowsync.support.Jobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** A server started with no Arrow configuration on an empty database: the demo, as an operator first sees it. */
class DemoModeIntegrationTests {

    private static final String BASE = "/api/admin/arrow/billing-syncs/";

    @TempDir
    Path dataFolder;

    @Test
    void startsTheEmulatorWithActiveSettingsAndLookAlikeCustomersAndStopsItWithTheServer() {
        URI arrowUrl;
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--arrowsync.data.dir=" + dataFolder,
                        "--arrowsync.demo.enabled=true",
                        // as configured by default: plain http only to the demo's own emulator
                        "--arrowsync.arrow.client.allow-http=false")) {
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

    /** The README's walk: map the suggestions, then consumption (sync, statistics, finalisation) and billing. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theDemoReachesConsumptionAndBillingAndSaysWhereToGo(CapturedOutput output) {
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        Map<String, Object> period = Map.of("year", month.getYear(), "month", month.getMonthValue());
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--arrowsync.data.dir=" + dataFolder,
                        "--arrowsync.demo.enabled=true",
                        // as configured by default: plain http only to the demo's own emulator
                        "--arrowsync.arrow.client.allow-http=false")) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            Api api = Api.at(port);
            api.anonymous().get("/health").expect(200);
            assertThat(output.getOut())
                    .contains("arrowsync is ready:")
                    .contains("http://localhost:" + port + "/api/docs/")
                    .contains("the admin token is the one in ARROWSYNC_ADMIN_TOKEN")
                    .doesNotContain("Settings[");

            JsonNode idle = Jobs.await(api, trigger(api, "trigger_consumption_sync", period));
            assertThat(idle.get("result").get("message").asString())
                    .isEqualTo("no licensed resources for the mapped customers");
            assertThat(api.get(BASE + "consumption_status/")
                            .expect(200)
                            .json()
                            .get("last_sync_run")
                            .isNull())
                    .as("a manual run is a run, even one with nothing to do")
                    .isFalse();

            String apiUrl = api.get("/api/admin/arrow/settings/?is_active=true")
                    .expect(200)
                    .json()
                    .get(0)
                    .get("api_url")
                    .asString();
            JsonNode discovered = api.post(
                            "/api/admin/arrow/settings/discover_customers/",
                            Map.of("api_url", apiUrl, "api_key", EmulatorOptions.DEMO_API_KEY))
                    .expect(200)
                    .json();
            String settings = api.get("/api/admin/arrow/settings/?is_active=true")
                    .json()
                    .get(0)
                    .get("uuid")
                    .asString();
            for (JsonNode suggestion : discovered.get("suggestions")) {
                api.post(
                                "/api/admin/arrow/customer-mappings/",
                                Map.of(
                                        "settings", settings,
                                        "arrow_reference",
                                                suggestion
                                                        .get("arrow_customer")
                                                        .get("reference")
                                                        .asString(),
                                        "waldur_customer",
                                                suggestion
                                                        .get("suggested_waldur_customer")
                                                        .get("uuid")
                                                        .asString()))
                        .expect(201);
            }

            JsonNode consumption = Jobs.await(api, trigger(api, "trigger_consumption_sync", period));
            assertThat(consumption.get("state").asString())
                    .as(consumption.toString())
                    .isEqualTo("succeeded");
            assertThat(consumption.get("result").get("synced").asInt()).isPositive();
            assertThat(consumption.get("result").get("message").isNull()).isTrue();
            JsonNode statistics =
                    api.get(BASE + "consumption_statistics/").expect(200).json();
            assertThat(statistics.get("total_records").asInt()).isPositive();
            JsonNode finalised = Jobs.await(api, trigger(api, "trigger_reconciliation", period));
            assertThat(finalised.get("state").asString())
                    .as(finalised.toString())
                    .isEqualTo("succeeded");

            JsonNode billing = Jobs.await(api, trigger(api, "trigger_sync", period));
            assertThat(billing.get("state").asString()).as(billing.toString()).isEqualTo("succeeded");
            String contoso = api.get("/api/customers/?name=Contoso")
                    .json()
                    .get(0)
                    .get("uuid")
                    .asString();
            JsonNode invoice = api.get("/api/invoices/?customer_uuid=" + contoso + "&year=" + month.getYear()
                            + "&month=" + month.getMonthValue())
                    .expect(200)
                    .json()
                    .get(0);
            List<String> names = invoice.get("items").findValuesAsString("name");
            assertThat(names).isNotEmpty().doesNotHaveDuplicates();
            // billed by the billing sync: license, month and Arrow line; consumption items name their resource
            assertThat(names.stream().filter(name -> !name.startsWith("Arrow consumption: ")))
                    .isNotEmpty()
                    .allSatisfy(name -> assertThat(name).contains(month.toString()));
        }
    }

    private static String trigger(Api api, String action, Map<String, Object> period) {
        return api.post(BASE + action + "/", period).expect(202).text("uuid");
    }

    private static boolean listening(URI url) {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
