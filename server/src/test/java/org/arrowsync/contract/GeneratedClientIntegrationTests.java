package org.arrowsync.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.arrowsync.support.Api;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A generator that is not ours reads the served document: openapi-generator (its command line, in its own JVM) writes a
 * Java client from {@code /api/schema/}, javac compiles it, and the client triggers a billing sync and lists the syncs
 * it made against this server. The client is called by reflection because it exists only once the test runs.
 */
class GeneratedClientIntegrationTests extends IntegrationTest {

    /** Copied here by the build (maven-dependency-plugin, generate-test-resources). */
    private static final Path GENERATOR = Path.of("target/openapi-generator/openapi-generator-cli.jar");

    private static final String PACKAGE = "org.arrowsync.client";

    private static final YearMonth MONTH = TestClock.closedMonth();

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void aClientGeneratedFromTheServedDocumentTriggersASyncAndListsTheSyncs(@TempDir Path work) throws Exception {
        String settings = fixture.settings();
        Map<String, String> customers = fixture.mapAllCustomers();
        Path document = work.resolve("openapi.json");
        Files.writeString(
                document, api.anonymous().get("/api/schema/").expect(200).body());

        Path classes = compile(generate(document, work.resolve("client")), work.resolve("classes"));

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Object client =
                    loader.loadClass(PACKAGE + ".ApiClient").getConstructor().newInstance();
            client.getClass().getMethod("updateBaseUri", String.class).invoke(client, "http://localhost:" + port);
            Consumer<HttpRequest.Builder> token =
                    request -> request.header("Authorization", "Token " + Api.ADMIN_TOKEN);
            client.getClass().getMethod("setRequestInterceptor", Consumer.class).invoke(client, token);
            Class<?> adminApi = loader.loadClass(PACKAGE + ".api.AdminApi");
            Object admin = adminApi.getConstructor(client.getClass()).newInstance(client);

            Object request = loader.loadClass(PACKAGE + ".model.TriggerSyncRequestRequest")
                    .getConstructor()
                    .newInstance();
            set(request, "setYear", MONTH.getYear());
            set(request, "setMonth", MONTH.getMonthValue());
            set(request, "setSettingsUuid", settings);
            Object accepted =
                    call(admin, "adminArrowBillingSyncsTriggerSync", Map.of("triggerSyncRequestRequest", request));
            String job = (String) accepted.getClass().getMethod("getUuid").invoke(accepted);
            JsonNode finished = Jobs.await(api, job);
            assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("succeeded");

            List<?> syncs = (List<?>) call(
                    admin,
                    "adminArrowBillingSyncsList",
                    Map.of("settingsUuid", settings, "reportPeriod", MONTH.toString(), "pageSize", 100));
            assertThat(syncs)
                    .hasSize(api.get("/api/admin/arrow/billing-syncs/?report_period=" + MONTH + "&settings_uuid="
                                    + settings)
                            .expect(200)
                            .json()
                            .size());
            assertThat(syncs.stream()
                            .map(sync -> getter(sync, "getArrowReference"))
                            .distinct())
                    .as("a sync for every mapped customer")
                    .containsExactlyInAnyOrderElementsOf(customers.keySet());
            for (Object sync : syncs) {
                assertThat(sync.getClass().getMethod("getReportPeriod").invoke(sync))
                        .isEqualTo(MONTH.toString());
                assertThat((List<?>) sync.getClass().getMethod("getItems").invoke(sync))
                        .isNotEmpty();
            }
        }
    }

    /**
     * Java's UUID reads only the dashed form, while Waldur's wire (and so ours) writes 32 hex digits: a generated Java
     * client maps {@code format: uuid} to String, as the README says.
     */
    private static Path generate(Path document, Path output) throws IOException, InterruptedException {
        assertThat(GENERATOR)
                .as("the build copies openapi-generator's command line")
                .exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process generator = new ProcessBuilder(
                        java,
                        "-jar",
                        GENERATOR.toString(),
                        "generate",
                        "--input-spec",
                        document.toString(),
                        "--generator-name",
                        "java",
                        "--library",
                        "native",
                        "--output",
                        output.toString(),
                        "--invoker-package",
                        PACKAGE,
                        "--api-package",
                        PACKAGE + ".api",
                        "--model-package",
                        PACKAGE + ".model",
                        "--type-mappings",
                        "UUID=String",
                        "--additional-properties",
                        "openApiNullable=false,useJakartaEe=true,hideGenerationTimestamp=true",
                        "--global-property",
                        "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false")
                .redirectErrorStream(true)
                .redirectOutput(output.resolveSibling("generator.log").toFile())
                .start();
        assertThat(generator.waitFor(5, TimeUnit.MINUTES))
                .as("the generator finishes")
                .isTrue();
        assertThat(generator.exitValue())
                .as(Files.readString(output.resolveSibling("generator.log")))
                .isZero();
        return output.resolve("src/main/java");
    }

    private static Path compile(Path sources, Path classes) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).toList();
        }
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, null)) {
            List<String> options = List.of(
                    "-d",
                    classes.toString(),
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-parameters",
                    "-proc:none",
                    "-nowarn");
            boolean compiled = javac.getTask(
                            null,
                            fileManager,
                            diagnostics,
                            options,
                            null,
                            fileManager.getJavaFileObjectsFromPaths(files))
                    .call();
            assertThat(compiled).as(diagnostics.getDiagnostics().toString()).isTrue();
        }
        return classes;
    }

    private static void set(Object model, String setter, Object value) throws ReflectiveOperationException {
        Method method = Arrays.stream(model.getClass().getMethods())
                .filter(candidate -> candidate.getName().equals(setter) && candidate.getParameterCount() == 1)
                .findFirst()
                .orElseThrow(() -> new AssertionError(model.getClass().getSimpleName() + " has no " + setter));
        method.invoke(model, value);
    }

    private static Object getter(Object model, String name) {
        try {
            return model.getClass().getMethod(name).invoke(model);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(model.getClass().getSimpleName() + " has no " + name, e);
        }
    }

    /** Calls an API method by its parameters' names (compiled with -parameters); the ones not given are null. */
    private static Object call(Object api, String name, Map<String, Object> arguments)
            throws ReflectiveOperationException {
        Method method = Arrays.stream(api.getClass().getMethods())
                .filter(candidate -> candidate.getName().equals(name))
                .filter(candidate ->
                        Arrays.stream(candidate.getParameterTypes()).noneMatch(Map.class::equals))
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new AssertionError(api.getClass().getSimpleName() + " has no " + name));
        List<Object> values = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            values.add(arguments.get(parameter.getName()));
        }
        assertThat(Arrays.stream(method.getParameters()).map(Parameter::getName))
                .as("parameters of %s", name)
                .containsAll(arguments.keySet());
        return method.invoke(api, values.toArray());
    }
}
