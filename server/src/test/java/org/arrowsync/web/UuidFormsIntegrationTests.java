package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UuidFormsIntegrationTests extends IntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void pathsAcceptHexAndDashedUuids() {
        String hex = fixture.customer();
        String dashed = UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"))
                .toString();
        assertThat(api.get("/api/customers/" + hex + "/").expect(200).text("uuid"))
                .isEqualTo(hex);
        assertThat(api.get("/api/customers/" + dashed + "/").expect(200).text("uuid"))
                .isEqualTo(hex);
        assertThat(api.get("/api/customers/" + hex.toUpperCase() + "/")
                        .expect(200)
                        .text("uuid"))
                .isEqualTo(hex);
    }

    @Test
    void unknownOrMalformedUuidsInPathsAreNotFound() {
        Response unknown = api.get("/api/customers/" + UUID.randomUUID() + "/").expect(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Not found.");
        api.get("/api/customers/not-a-uuid/").expect(404);
        api.get("/api/invoices/12345/").expect(404);
        api.post("/api/invoices/zzz/set_state/", Map.of("state", "created")).expect(404);
    }

    @Test
    void malformedUuidsInBodiesAreBadRequestsNamingTheField() {
        Response response = api.post("/api/projects/", Map.of("name", "P", "customer", "not-a-uuid"))
                .expect(400);
        assertThat(response.json().has("customer")).isTrue();
    }

    @Test
    void bodiesAcceptHyperlinksForLinkedObjects() {
        String customer = fixture.customer();
        String link = "http://localhost:" + port + "/api/customers/" + customer + "/";
        Response project = api.post("/api/projects/", Map.of("name", "Linked", "customer", link))
                .expect(201);
        assertThat(project.text("customer_uuid")).isEqualTo(customer);
    }
}
