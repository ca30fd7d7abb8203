package org.arrowsync.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.Together;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class UserApiIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    /** Tokens of the staff users {@link #staff} created, by uuid. */
    private final Map<String, String> tokens = new HashMap<>();

    @Test
    void staffCreateUsersWhoseTokenIsShownOnceAndStoredHashed() {
        Response created = api.post("/api/users/", Map.of("username", "reader-one", "is_staff", false))
                .expect(201);
        String token = created.text("token");
        assertThat(token).matches("[0-9a-f]{40}");
        assertThat(created.json().get("is_staff").asBoolean()).isFalse();

        Response listed = api.get("/api/users/?page_size=300").expect(200);
        assertThat(listed.body()).contains("reader-one").doesNotContain(token);
        assertThat(listed.json().get(0).get("token").isNull()).isTrue();

        String stored = jdbc.sql("select t.token_hash from user_tokens t join users u on u.id = t.user_id"
                        + " where u.username = 'reader-one'")
                .query(String.class)
                .single();
        assertThat(stored).isNotEqualTo(token).hasSize(64);

        api.as(token).get("/api/customers/").expect(200);
        api.as(token).get("/api/users/").expect(403);
    }

    @Test
    void usernamesAreValidatedAndUnique() {
        api.post("/api/users/", Map.of("username", "twice")).expect(201);
        Response duplicate =
                api.post("/api/users/", Map.of("username", "twice")).expect(400);
        assertThat(duplicate.json().get("username").get(0).asString()).contains("already exists");
        api.post("/api/users/", Map.of("username", "has spaces")).expect(400);
        api.post("/api/users/", Map.of()).expect(400);
    }

    /**
     * Requests sent together for one username: one user, and every other request the same refusal as one sent later.
     */
    @Test
    void aUsernameCreatedByRequestsSentTogetherIsCreatedOnceAndRefusedAlike() throws Exception {
        int created = 0;
        for (Response response : Together.send(6, () -> api.post("/api/users/", Map.of("username", "together")))) {
            if (response.status() == 201) {
                created++;
            } else {
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.json().get("username").get(0).asString())
                        .isEqualTo("A user with that username already exists.");
            }
        }
        assertThat(created).isOne();
    }

    @Test
    void staffSetConsolePasswordsThatNoAnswerEverShows() {
        Response created = api.post(
                        "/api/users/",
                        Map.of("username", "console-one", "is_staff", true, "password", "first-password-1"))
                .expect(201);
        assertThat(created.json().get("has_password").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("first-password-1");
        String uuid = created.text("uuid");
        String stored = jdbc.sql("select password_hash from users where username = 'console-one'")
                .query(String.class)
                .single();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain("first-password-1");

        Response changed = api.post("/api/users/" + uuid + "/set_password/", Map.of("password", "second-password-2"))
                .expect(200);
        assertThat(changed.body()).doesNotContain("second-password-2");
        assertThat(jdbc.sql("select password_hash from users where username = 'console-one'")
                        .query(String.class)
                        .single())
                .isNotEqualTo(stored);

        Response tooShort = api.post("/api/users/" + uuid + "/set_password/", Map.of("password", "short"))
                .expect(400);
        assertThat(tooShort.json().get("password").get(0).asString()).contains("too short");
        api.post("/api/users/" + uuid + "/set_password/", Map.of()).expect(400);
        api.post("/api/users/", Map.of("username", "console-two", "password", "console-two"))
                .expect(400);
        assertThat(api.get("/api/users/" + uuid + "/")
                        .expect(200)
                        .json()
                        .get("has_password")
                        .asBoolean())
                .isTrue();
        String reader = api.post("/api/users/", Map.of("username", "console-three"))
                .expect(201)
                .text("token");
        api.as(reader)
                .post("/api/users/" + uuid + "/set_password/", Map.of("password", "third-password-3"))
                .expect(403);
    }

    /** D254: a deactivated user's tokens stop working until it is activated again; no user deactivates itself. */
    @Test
    void aDeactivatedUsersTokenIsRefusedUntilItIsActivatedAgain() {
        Response created = api.post("/api/users/", Map.of("username", "leaving-one", "is_staff", true))
                .expect(201);
        assertThat(created.json().get("is_active").asBoolean()).isTrue();
        String uuid = created.text("uuid");
        String token = created.text("token");
        api.as(token).get("/api/customers/").expect(200);

        Response deactivated = api.patch("/api/users/" + uuid + "/", Map.of("is_active", false))
                .expect(200);

        assertThat(deactivated.json().get("is_active").asBoolean()).isFalse();
        assertThat(deactivated.json().get("is_staff").asBoolean())
                .as("the rest as it was")
                .isTrue();
        api.as(token).get("/api/customers/").expect(401);
        api.patch("/api/users/" + uuid + "/", Map.of("is_active", true)).expect(200);
        api.as(token).get("/api/customers/").expect(200);

        Response itself = api.as(token).patch("/api/users/" + uuid + "/", Map.of("is_active", false));
        assertThat(itself.expect(400).json().get("is_active").get(0).asString())
                .contains("does not change its own status");
        api.as(token)
                .patch("/api/users/" + uuid + "/", Map.of("is_staff", false))
                .expect(400);
        api.as(token).get("/api/users/" + uuid + "/").expect(200);
        api.patch("/api/users/" + uuid + "/", Map.of("is_staff", false)).expect(200);
        api.as(token).get("/api/users/").expect(403); // no longer staff
    }

    /**
     * D254: the last two active staff users deactivating each other at once leave one of them active, however the
     * requests meet; the one left brings the others back.
     */
    @Test
    void theLastTwoActiveStaffUsersDeactivatingEachOtherAtOnceLeaveOneActive() throws Exception {
        List<String> others = activeStaff();
        try {
            for (int round = 0; round < 4; round++) {
                String first = staff("mutual-a" + round);
                String second = staff("mutual-b" + round);
                for (String other : others) {
                    api.as(tokens.get(first))
                            .patch("/api/users/" + other + "/", Map.of("is_active", false))
                            .expect(200);
                }

                List<Response> answers = Together.send(List.of(
                        () -> api.as(tokens.get(first)).patch("/api/users/" + second + "/", Map.of("is_active", false)),
                        () -> api.as(tokens.get(second))
                                .patch("/api/users/" + first + "/", Map.of("is_active", false))));

                List<String> left = activeStaff();
                assertThat(left).as("round %d: %s", round, answers).hasSize(1).isSubsetOf(first, second);
                assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
                for (String other : others) {
                    api.as(tokens.get(left.get(0)))
                            .patch("/api/users/" + other + "/", Map.of("is_active", true))
                            .expect(200);
                }
                api.patch("/api/users/" + left.get(0) + "/", Map.of("is_active", false))
                        .expect(200);
            }
        } finally {
            jdbc.sql("update users set is_active = true where replace(uuid::text, '-', '') in (:others)")
                    .param("others", others)
                    .update();
        }
    }

    /** The uuids of the active staff users, as the API writes them. */
    private List<String> activeStaff() {
        return jdbc.sql("select replace(uuid::text, '-', '') from users where is_staff and is_active")
                .query(String.class)
                .list();
    }

    /** A new staff user's uuid. */
    private String staff(String username) {
        Response created = api.post("/api/users/", Map.of("username", username, "is_staff", true))
                .expect(201);
        tokens.put(created.text("uuid"), created.text("token"));
        return created.text("uuid");
    }
}
