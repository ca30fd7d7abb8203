package org.arrowsync.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Staff list, issue, rotate and revoke a user's API tokens; a token is shown once, when it is made. */
class TokenApiIntegrationTests extends IntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void staffIssueRotateAndRevokeAUsersTokens() {
        Response created = api.post(
                        "/api/users/",
                        Map.of("username", ArrowFixture.unique("tokens").replace(" ", "-")))
                .expect(201);
        String user = created.text("uuid");
        String first = created.text("token");
        String tokens = "/api/users/" + user + "/tokens/";

        Response issued = api.post(tokens, null).expect(201);
        String second = issued.text("token");
        assertThat(second).matches("[0-9a-f]{40}").isNotEqualTo(first);
        assertThat(issued.text("hint")).isEqualTo(second.substring(0, 4));
        assertThat(issued.text("url")).endsWith(tokens + issued.text("uuid") + "/");
        api.as(first).get("/api/customers/").expect(200);
        api.as(second).get("/api/customers/").expect(200);

        Response listed = api.get(tokens).expect(200);
        assertThat(listed.header("X-Result-Count")).isEqualTo("2");
        assertThat(listed.body()).doesNotContain(first).doesNotContain(second);
        for (JsonNode token : listed.json()) {
            assertThat(token.get("token").isNull()).isTrue();
            assertThat(token.get("from_configuration").asBoolean()).isFalse();
        }

        Response rotated =
                api.post(tokens + issued.text("uuid") + "/rotate/", null).expect(200);
        String third = rotated.text("token");
        assertThat(rotated.text("uuid")).isEqualTo(issued.text("uuid"));
        assertThat(third).matches("[0-9a-f]{40}").isNotEqualTo(second);
        api.as(second).get("/api/customers/").expect(401);
        api.as(third).get("/api/customers/").expect(200);

        api.delete(tokens + issued.text("uuid") + "/").expect(204);
        api.as(third).get("/api/customers/").expect(401);
        api.as(first).get("/api/customers/").expect(200);
        assertThat(api.get(tokens).expect(200).json().size()).isEqualTo(1);

        api.delete(tokens + issued.text("uuid") + "/").expect(404);
        api.post("/api/users/00000000000000000000000000000000/tokens/", null).expect(404);
        String other = api.post(
                        "/api/users/",
                        Map.of("username", ArrowFixture.unique("other").replace(" ", "-")))
                .expect(201)
                .text("uuid");
        String firstToken = api.get(tokens).json().get(0).get("uuid").asString();
        // a token is addressed under its own user only
        api.delete("/api/users/" + other + "/tokens/" + firstToken + "/").expect(404);
    }

    @Test
    void theConfiguredAdminTokenIsMarkedAndOnlyStaffManageTokens() {
        String adminUuid = null;
        for (JsonNode user : api.get("/api/users/?page_size=300").json()) {
            if (user.get("username").asString().equals("admin")) {
                adminUuid = user.get("uuid").asString();
            }
        }
        JsonNode adminTokens =
                api.get("/api/users/" + adminUuid + "/tokens/").expect(200).json();
        assertThat(adminTokens.findValues("from_configuration").stream().anyMatch(JsonNode::asBoolean))
                .isTrue();

        String userToken = fixture.userToken();
        api.as(userToken).get("/api/users/" + adminUuid + "/tokens/").expect(403);
        api.as(userToken).post("/api/users/" + adminUuid + "/tokens/", null).expect(403);
    }
}
