package org.arrowsync.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.arrowsync.emulator.ArrowEmulator;
import org.arrowsync.emulator.EmulatorOptions;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.Api;
import org.arrowsync.support.DemoServer;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** A server started with no Arrow configuration on an empty database: the demo, as an operator first sees it. */
class DemoModeIntegrationTests {

    private static final String BASE = "/api/admin/arrow/billing-syncs/";

    @TempDir
    Path dataFolder;

    @Test
    void startsTheEmulatorWithActiveSettingsAndLookAlikeCustomersAndStopsItWithTheServer() {
        URI arrowUrl;
        try (DemoServer demo = DemoServer.start(dataFolder)) {
            Api api = demo.api();
            JsonNode active = api.get("/api/admin/arrow/settings/?is_active=true")
                    .expect(200)
                    .json();
            assertThat(active.size()).isEqualTo(1);
            assertThat(active.get(0).get("sync_enabled").asBoolean()).isFalse();
            assertThat(active.get(0).get("export_type_reference").asString()).isEqualTo(ExportTemplates.MSP_REFERENCE);
            assertThat(active.get(0).get("partner_name").asString()).isNotBlank();
            arrowUrl = URI.create(active.get(0).get("api_url").asString());
            assertThat(api.get("/api/customers/?page_size=50")
                            .expect(200)
                            .json()
                            .findValuesAsString("name"))
                    .containsAll(FirstRun.DEMO_CUSTOMERS);

            JsonNode suggestions = demo.suggestions();
            assertThat(suggestions.size()).isEqualTo(5);
            for (JsonNode suggestion : suggestions) {
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

    /**
     * A second server started on the demo's database leaves the demo settings with the emulator the first one runs, and
     * both bill through it (they were moved to the second's own emulator, and the first's syncs then refused its URL).
     */
    @Test
    void aSecondServerOnTheDemosDatabaseLeavesItsEmulatorWithTheFirst(@TempDir Path secondFolder) {
        try (DemoServer first = DemoServer.start(dataFolder)) {
            String arrowUrl = first.activeSettings().get("api_url").asString();
            YearMonth month = TestClock.closedMonth();
            Map<String, Object> period = Map.of("year", month.getYear(), "month", month.getMonthValue());
            try (DemoServer other =
                    DemoServer.start(secondFolder, first.sharingItsDatabase().toArray(String[]::new))) {
                assertThat(other.activeSettings().get("api_url").asString()).isEqualTo(arrowUrl);
                for (DemoServer server : List.of(first, other)) {
                    JsonNode job = Jobs.await(server.api(), trigger(server.api(), "trigger_sync", period));
                    assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
                }
            }
        }
    }

    /** A restarted demo runs a new emulator, and the settings the demo made follow it there (D263 marks them). */
    @Test
    void aRestartedDemosSettingsFollowItsNewEmulator() {
        String before;
        try (DemoServer demo = DemoServer.start(dataFolder)) {
            before = demo.activeSettings().get("api_url").asString();
        }
        try (DemoServer restarted = DemoServer.start(dataFolder)) {
            String after = restarted.activeSettings().get("api_url").asString();
            assertThat(after).isNotEqualTo(before);
            assertThat(listening(URI.create(after)))
                    .as("the new emulator answers there")
                    .isTrue();
        }
    }

    /**
     * D263: settings made from a configured Arrow API stay pointed at it after a restart that finds it down, though it
     * is an emulator with the demo's key on loopback, and after one without the configuration: they followed the demo's
     * new emulator, whose syncs then removed every line its data lacked.
     */
    @Test
    void settingsOfAConfiguredArrowApiNeverFollowTheDemosEmulator() {
        String configured;
        String[] arguments;
        try (ArrowEmulator arrow = ArrowEmulator.start(EmulatorOptions.demo())) {
            configured = arrow.apiBaseUrl().toString();
            arguments = new String[] {
                "--arrowsync.arrow.api-url=" + configured,
                "--arrowsync.arrow.api-key=" + arrow.apiKey(),
                "--arrowsync.arrow.client.allow-http=true"
            };
            try (DemoServer first = DemoServer.start(dataFolder, arguments)) {
                assertThat(first.activeSettings().get("api_url").asString()).isEqualTo(configured);
            }
        }
        try (DemoServer restarted = DemoServer.start(dataFolder, arguments)) {
            assertThat(restarted.activeSettings().get("api_url").asString())
                    .as("the configured Arrow API is down, and stays the settings' API")
                    .isEqualTo(configured);
        }
        try (DemoServer unconfigured = DemoServer.start(dataFolder)) {
            assertThat(unconfigured.activeSettings().get("api_url").asString())
                    .as("nor do they follow the demo once the configuration is gone")
                    .isEqualTo(configured);
        }
    }

    /** The README's walk: map the suggestions, then consumption (sync, statistics, finalisation) and billing. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theDemoReachesConsumptionAndBillingAndSaysWhereToGo(CapturedOutput output) {
        YearMonth month = TestClock.closedMonth();
        Map<String, Object> period = Map.of("year", month.getYear(), "month", month.getMonthValue());
        try (DemoServer demo = DemoServer.start(dataFolder)) {
            int port = demo.port();
            Api api = demo.api();
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

            demo.suggestions().forEach(demo::accept);

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
