package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the server maps under /api/, found from the handler mappings so new endpoints are covered by default.
 */
class AccessMatrixIntegrationTests extends IntegrationTest {

    private static final Set<String> PUBLIC_PREFIXES = Set.of("/api/schema", "/api/docs");

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointNeedsAValidToken() {
        for (Endpoint endpoint : endpoints()) {
            Response anonymous = api.anonymous().send(endpoint.method(), endpoint.path(), endpoint.body());
            assertThat(anonymous.status()).as("%s without a token", endpoint).isEqualTo(401);
            assertThat(anonymous.json().get("detail").asString()).isNotBlank();

            Response wrongToken = api.as("not-a-real-token").send(endpoint.method(), endpoint.path(), endpoint.body());
            assertThat(wrongToken.status())
                    .as("%s with an unknown token", endpoint)
                    .isEqualTo(401);
        }
    }

    @Test
    void adminUsersAndWritesAreStaffOnlyWhileReadsAreOpenToUsers() {
        String userToken = fixture.userToken();
        for (Endpoint endpoint : endpoints()) {
            Response response = api.as(userToken).send(endpoint.method(), endpoint.path(), endpoint.body());
            boolean staffOnly = endpoint.path().startsWith("/api/admin/")
                    || endpoint.path().startsWith("/api/users/")
                    || !Set.of("GET", "HEAD").contains(endpoint.method());
            if (staffOnly) {
                assertThat(response.status())
                        .as("%s as a non-staff user", endpoint)
                        .isEqualTo(403);
                assertThat(response.json().get("detail").asString()).contains("permission");
            } else {
                assertThat(response.status())
                        .as("%s as a non-staff user", endpoint)
                        .isNotIn(401, 403, 500);
            }
        }
    }

    /** A refused token and a non-staff user's refused request are logged, with address and path, never the token. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void refusalsOfATokenAreLoggedWithoutIt(CapturedOutput output) {
        String wrong = "not-a-token-" + UUID.randomUUID();
        api.as(wrong).get("/api/customers/").expect(401);
        String userToken = fixture.userToken();
        api.as(userToken).get("/api/admin/audit-log/").expect(403);

        assertThat(output.getAll())
                .containsPattern("Refused an unknown or revoked API token from \\S+ for GET /api/customers/")
                .containsPattern("Refused GET /api/admin/audit-log/ to \\S+ from \\S+: staff only")
                .doesNotContain(wrong)
                .doesNotContain(userToken);
    }

    @Test
    void noSpellingOfAPathSlipsPastTheChecks() {
        String userToken = fixture.userToken();
        for (String path : List.of(
                "/api;x=1/admin/arrow/settings/",
                "/api/admin;x=1/arrow/settings/",
                "/api/%61dmin/arrow/settings/",
                "/api//admin/arrow/settings/",
                "/x/../api/admin/arrow/settings/",
                "/api/./admin/arrow/settings/",
                "/api/admin/arrow/x/../settings/",
                "/api/admin/arrow/%2e%2e/arrow/settings/")) {
            int staff = api.get(path).status();
            if (staff < 300) {
                // Routed to the endpoint: the checks must have seen the same path.
                assertThat(api.anonymous().get(path).status())
                        .as("anonymous %s", path)
                        .isEqualTo(401);
                assertThat(api.as(userToken).get(path).status())
                        .as("non-staff %s", path)
                        .isEqualTo(403);
            } else {
                assertThat(api.anonymous().get(path).status())
                        .as("anonymous %s", path)
                        .isIn(staff, 401);
                assertThat(api.as(userToken).get(path).status())
                        .as("non-staff %s", path)
                        .isIn(staff, 403);
            }
        }
    }

    @Test
    void staffReachEveryEndpointWithoutAServerError() {
        for (Endpoint endpoint : endpoints()) {
            Response response = api.send(endpoint.method(), endpoint.path(), endpoint.body());
            if (response.status() == 502) {
                // the active settings' Arrow (another test's emulator) is gone: an upstream failure, and said so
                assertThat(response.text("error")).as("%s as staff", endpoint).startsWith("Arrow API error: ");
                continue;
            }
            assertThat(response.status())
                    .as("%s as staff", endpoint)
                    .isNotIn(401, 403)
                    .isLessThan(500);
        }
    }

    @Test
    void everyWriteEndpointAnswersMalformedBodiesWithA4xx() {
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.body() == null) {
                continue;
            }
            for (String body : List.of("{not json", "[1, 2]", "\"text\"", "42")) {
                Response response = api.send(endpoint.method(), endpoint.path(), body);
                assertThat(response.status()).as("%s with %s", endpoint, body).isBetween(400, 499);
                assertThat(response.json()).as("%s with %s", endpoint, body).isNotNull();
            }
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (!pattern.startsWith("/api/") || PUBLIC_PREFIXES.stream().anyMatch(pattern::startsWith)) {
                    continue;
                }
                String path = pattern.replaceAll(
                        "\\{[^}]+}", UUID.randomUUID().toString().replace("-", ""));
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod requestMethod : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String name = requestMethod.name();
                    endpoints.add(new Endpoint(
                            name, path, Set.of("POST", "PUT", "PATCH").contains(name) ? "{}" : null));
                }
            }
        });
        assertThat(endpoints).hasSizeGreaterThan(10);
        return endpoints;
    }

    record Endpoint(String method, String path, String body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
