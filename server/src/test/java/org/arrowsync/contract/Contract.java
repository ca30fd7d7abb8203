package org.arrowsync.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arrowsync.support.Response;

/**
 * The wire contract, {@code docs/contract/waldur-arrow-openapi.yaml}, loaded once: which operations exist and what
 * their responses look like. Integration tests pass real responses to {@link #assertMatches(Response)}.
 */
public final class Contract {

    private static final Path FILE = locate();
    private static final OpenAPI SPEC = parse(FILE);
    private static final OpenAPI DOCUMENT =
            new OpenAPIV3Parser().read(FILE.toAbsolutePath().toString(), null, options(false));

    private Contract() {}

    public static OpenAPI spec() {
        return SPEC;
    }

    /** The contract as written: its schemas keep their names ({@code $ref}s are not inlined). */
    static OpenAPI document() {
        return DOCUMENT;
    }

    /** A copy of the contract as written, to change in a test. */
    static OpenAPI freshDocument() {
        return new OpenAPIV3Parser().read(FILE.toAbsolutePath().toString(), null, options(false));
    }

    /** Parses an OpenAPI document (the contract or the server's own) with every $ref resolved inline. */
    static OpenAPI parse(String json) {
        return new OpenAPIV3Parser().readContents(json, null, options(true)).getOpenAPI();
    }

    /** Parses an OpenAPI document keeping its named schemas. */
    static OpenAPI parseDocument(String json) {
        return new OpenAPIV3Parser().readContents(json, null, options(false)).getOpenAPI();
    }

    /** A real response against the contract's schema for that path, method and status. */
    public static void assertMatches(Response response) {
        assertDescribed(SPEC, "the contract", response, false);
    }

    /**
     * A real response against a document's schema for that path, method and status. With {@code successesOnly}, an
     * error status the document does not describe is let pass (documents describe successes); a success never is.
     */
    static void assertDescribed(OpenAPI document, String name, Response response, boolean successesOnly) {
        if (response.method().equals("OPTIONS")) {
            return; // the router's answer (Allow), which no operation of either document describes
        }
        String path = response.path().split("\\?")[0];
        boolean success = response.status() < 400;
        Map.Entry<String, PathItem> template = document.getPaths().entrySet().stream()
                .filter(entry -> matches(entry.getKey(), path))
                // a literal segment beats a placeholder: settings/validate_credentials/ is not settings/{uuid}/
                .min(java.util.Comparator.comparingLong(
                        entry -> entry.getKey().chars().filter(c -> c == '{').count()))
                .orElse(null);
        if (template == null && successesOnly && !success) {
            return;
        }
        assertThat(template).as("%s has a path for %s", name, path).isNotNull();
        Operation operation = operations(template.getValue()).get(response.method());
        if (operation == null && successesOnly && !success) {
            return;
        }
        assertThat(operation)
                .as("%s operation %s %s", name, response.method(), template.getKey())
                .isNotNull();
        ApiResponse documented = operation.getResponses().get(Integer.toString(response.status()));
        if (documented == null && successesOnly && !success) {
            return;
        }
        assertThat(documented)
                .as("%s documents HTTP %d for %s %s", name, response.status(), response.method(), template.getKey())
                .isNotNull();
        String mediaType = mediaType(response);
        if (!mediaType.equals("application/json")
                && response.body() != null
                && !response.body().isEmpty()) {
            // Not JSON (a CSV download): the document must say the operation answers in that type.
            assertThat(documented.getContent())
                    .as("%s documents %s for %s %s", name, mediaType, response.method(), template.getKey())
                    .isNotNull()
                    .containsKey(mediaType);
            return;
        }
        Optional<Schema<?>> schema = Optional.ofNullable(documented.getContent())
                .map(content -> content.get("application/json"))
                .map(MediaType::getSchema)
                .map(s -> (Schema<?>) s);
        if (schema.isPresent() && response.json() != null) {
            List<String> errors = SchemaValidator.validate(response.json(), schema.get());
            assertThat(errors)
                    .as("%s %s → %d against %s", response.method(), path, response.status(), name)
                    .isEmpty();
        }
    }

    /** The answer's media type without parameters; JSON when it names none. */
    private static String mediaType(Response response) {
        String contentType = response.header("Content-Type");
        return contentType == null
                ? "application/json"
                : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
    }

    static Map<String, Operation> operations(PathItem item) {
        Map<String, Operation> operations = new java.util.LinkedHashMap<>();
        item.readOperationsMap().forEach((method, operation) -> operations.put(method.name(), operation));
        return operations;
    }

    private static boolean matches(String template, String path) {
        String regex = template.replaceAll("\\{[^}]+}", "[^/]+");
        return path.matches(regex);
    }

    private static ParseOptions options(boolean inline) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(inline);
        return options;
    }

    private static OpenAPI parse(Path file) {
        return new OpenAPIV3Parser().read(file.toAbsolutePath().toString(), null, options(true));
    }

    /** The contract is a file of the repository; tests run from a module folder, so look for it from here upwards. */
    private static Path locate() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("docs/contract/waldur-arrow-openapi.yaml");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/contract/waldur-arrow-openapi.yaml is not in the repository");
    }
}
