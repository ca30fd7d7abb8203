package org.arrowsync.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.arrowsync.Application;
import org.arrowsync.shared.DataFolder;
import org.arrowsync.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whole servers started and stopped on one data folder, as an operator would run them. */
class RestartIntegrationTests {

    @TempDir
    Path dataFolder;

    @Test
    void keepsEveryRowAcrossARestartAndRefusesASecondServerOnTheSameFolder() {
        String uuid;
        try (ConfigurableApplicationContext first = start(dataFolder, "test-admin-token")) {
            Api api = api(first);
            uuid = api.post("/api/customers/", Map.of("name", "Survivor Ltd"))
                    .expect(201)
                    .text("uuid");

            Throwable refused = catchThrowable(() -> start(dataFolder, "test-admin-token"));
            assertThat(refused).hasStackTraceContaining("is in use by another arrowsync server");
            FailureAnalysis analysis = new DataFolderFailureAnalyzer().analyze(refused);
            assertThat(analysis.getDescription())
                    .as("said in one line instead of a stack trace")
                    .contains(dataFolder.toAbsolutePath().toString());
            assertThat(analysis.getAction()).contains("ARROWSYNC_DATA_DIR");
            api.get("/api/customers/" + uuid + "/").expect(200);
        }
        try (ConfigurableApplicationContext second = start(dataFolder, "test-admin-token")) {
            assertThat(api(second)
                            .get("/api/customers/" + uuid + "/")
                            .expect(200)
                            .text("name"))
                    .isEqualTo("Survivor Ltd");
        }
    }

    @Test
    void aPostgresqlKilledUnderTheServerIsStartedAgainAndLosesNothingCommitted() throws Exception {
        try (ConfigurableApplicationContext context = start(dataFolder, "test-admin-token")) {
            Api api = api(context);
            String uuid = api.post("/api/customers/", Map.of("name", "Survivor Ltd"))
                    .expect(201)
                    .text("uuid");
            PostgresCluster cluster = context.getBean(EmbeddedDatabase.class).cluster();
            ProcessHandle killed = cluster.postmaster().orElseThrow();

            killed.destroyForcibly(); // SIGKILL, as the kernel's out-of-memory killer sends
            killed.onExit().get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/api/customers/" + uuid + "/").status() == 200);
            PostgresCluster restarted = context.getBean(EmbeddedDatabase.class).cluster();
            assertThat(restarted.port()).isEqualTo(cluster.port());
            assertThat(restarted.postmaster().orElseThrow().pid()).isNotEqualTo(killed.pid());
            assertThat(api.get("/api/customers/" + uuid + "/").text("name")).isEqualTo("Survivor Ltd");
            api.get("/health").expect(200);
            api.post("/api/customers/", Map.of("name", "After the restart")).expect(201);
        }
        assertThat(PostgresCluster.postmaster(EmbeddedDatabase.clusterFolder(dataFolder)))
                .as("a server's own stop is not one to restart after")
                .isEmpty();
    }

    /** The token and password are saved owner-only, never printed: a service's output is its log. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void withoutAConfiguredTokenTheFirstAdminTokenIsWrittenOwnerOnlyOnce(CapturedOutput output) throws Exception {
        Path tokenFile = dataFolder.resolve("admin-token");
        String token;
        try (ConfigurableApplicationContext context = start(dataFolder, "", "arrowsync.admin-password=")) {
            token = Files.readString(tokenFile).trim();
            String password =
                    Files.readString(dataFolder.resolve("admin-password")).trim();
            assertThat(output.getAll())
                    .contains(tokenFile.toAbsolutePath().toString())
                    .doesNotContain(token)
                    .doesNotContain(password);
            assertThat(token).matches("[0-9a-f]{40}");
            assertThat(Files.getPosixFilePermissions(tokenFile))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            api(context).as(token).get("/api/users/").expect(200);
            assertThat(api(context).as(token).get("/api/users/").body()).doesNotContain(token);
        }
        try (ConfigurableApplicationContext context = start(dataFolder, "")) {
            assertThat(Files.readString(tokenFile).trim()).isEqualTo(token);
            api(context).as(token).get("/api/users/").expect(200);
        }
    }

    /**
     * The generated password's file goes once it no longer holds admin's password: a configured password replaced it,
     * or admin chose another (a file of another password stands for that here), so nothing points at a password that
     * fails; one it cannot read is left.
     */
    @Test
    void theGeneratedPasswordsFileGoesOnceItNoLongerHoldsAdminsPassword() throws Exception {
        Path passwordFile = dataFolder.resolve("admin-password");
        try (ConfigurableApplicationContext context = start(dataFolder, "", "arrowsync.admin-password=")) {
            assertThat(passwordFile).exists();
        }
        try (ConfigurableApplicationContext context = start(dataFolder, "")) {
            assertThat(passwordFile).as("the configured password replaced it").doesNotExist();
        }
        DataFolder.writeOwnerOnly(passwordFile, "not-the-password-of-admin");
        try (ConfigurableApplicationContext context = start(dataFolder, "", "arrowsync.admin-password=")) {
            assertThat(passwordFile).as("admin has another password").doesNotExist();
        }
        Files.write(passwordFile, new byte[] {(byte) 0xff, (byte) 0xfe});
        try (ConfigurableApplicationContext context = start(dataFolder, "", "arrowsync.admin-password=")) {
            assertThat(passwordFile)
                    .as("a file it cannot read stops no start, and is left")
                    .exists();
        }
    }

    /**
     * The token from ARROWSYNC_ADMIN_TOKEN works while the variable is set; started without it, the server revokes it
     * (how an operator ends a leaked one); the tokens issued through the API stay.
     */
    @Test
    void aConfiguredTokenStopsWorkingOnceTheVariableIsGone() {
        String issued;
        try (ConfigurableApplicationContext context = start(dataFolder, "configured-token-0123456789")) {
            Api configured = api(context).as("configured-token-0123456789");
            issued = configured
                    .post("/api/users/", Map.of("username", "second-admin", "is_staff", true))
                    .expect(201)
                    .text("token");
        }
        try (ConfigurableApplicationContext context = start(dataFolder, "")) {
            api(context).as("configured-token-0123456789").get("/api/users/").expect(401);
            api(context).as(issued).get("/api/users/").expect(200);
        }
    }

    @Test
    void registersTheRecurringSchedulesInTheSharedQueue() {
        try (ConfigurableApplicationContext context =
                start(dataFolder, "test-admin-token", "arrowsync.jobs.schedules-enabled=true")) {
            long schedules = context.getBean(JdbcClient.class)
                    .sql("select count(*) from scheduled_tasks where task_name = 'close-past-invoices'")
                    .query(Long.class)
                    .single();
            assertThat(schedules).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path folder, String adminToken, String... more) {
        List<String> args = new ArrayList<>(
                List.of("--server.port=0", "--arrowsync.data.dir=" + folder, "--arrowsync.admin-token=" + adminToken));
        Arrays.stream(more).map(property -> "--" + property).forEach(args::add);
        return new SpringApplicationBuilder(Application.class).profiles("test").run(args.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return Api.at(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
