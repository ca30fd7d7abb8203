package org.arrowsync.support;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.arrowsync.Application;
import org.arrowsync.emulator.EmulatorOptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A server as a new operator first starts it, in this JVM on the test clock: demo mode on an empty data folder, so it
 * runs its own emulator and active settings for it.
 */
public final class DemoServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Api api;

    private DemoServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = Api.at(port());
    }

    /** Starts the demo on the data folder; further arguments as on the command line, which may allow plain http. */
    public static DemoServer start(Path dataFolder, String... arguments) {
        String allowHttp = "--arrowsync.arrow.client.allow-http=";
        List<String> command = new ArrayList<>(
                List.of("--server.port=0", "--arrowsync.data.dir=" + dataFolder, "--arrowsync.demo.enabled=true"));
        if (Stream.of(arguments).noneMatch(argument -> argument.startsWith(allowHttp))) {
            command.add(allowHttp + "false"); // as configured by default: plain http only to the demo's own emulator
        }
        command.addAll(List.of(arguments));
        return new DemoServer(
                new SpringApplicationBuilder(Application.class).profiles("test").run(command.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Api api() {
        return api;
    }

    /** Arguments that start another server on this one's database (its embedded PostgreSQL). */
    public List<String> sharingItsDatabase() {
        HikariDataSource database = context.getBean(HikariDataSource.class);
        return List.of(
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword());
    }

    /** The settings the demo made active, for its emulator. */
    public JsonNode activeSettings() {
        return api.get("/api/admin/arrow/settings/?is_active=true")
                .expect(200)
                .json()
                .get(0);
    }

    /** The control client of the demo's emulator (it stops with the server). */
    public Emulator emulator() {
        return Emulator.serving(activeSettings().get("api_url").asString(), EmulatorOptions.DEMO_API_KEY);
    }

    /** What the server suggests mapping each of the demo's Arrow customers to. */
    public JsonNode suggestions() {
        return api.post(
                        "/api/admin/arrow/settings/discover_customers/",
                        Map.of(
                                "api_url",
                                activeSettings().get("api_url").asString(),
                                "api_key",
                                EmulatorOptions.DEMO_API_KEY))
                .expect(200)
                .json()
                .get("suggestions");
    }

    /** Maps a suggestion's Arrow customer to its suggested operator customer, under the active settings. */
    public void accept(JsonNode suggestion) {
        api.post(
                        "/api/admin/arrow/customer-mappings/",
                        Map.of(
                                "settings",
                                activeSettings().get("uuid").asString(),
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

    @Override
    public void close() {
        context.close();
    }
}
