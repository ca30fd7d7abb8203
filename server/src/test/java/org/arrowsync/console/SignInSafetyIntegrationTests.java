package org.arrowsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.arrowsync.support.ArrowFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * D253: a password set again ends the sessions signed in with the old one, the sign-in page says only the server's own
 * words, and wrong passwords sent at once are held to the limit, and logged (D278).
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInSafetyIntegrationTests extends ConsoleIntegrationTest {

    /** A staff member's password is reset because it leaked: whoever signed in with it must be out. */
    @Test
    void aPasswordSetAgainEndsTheSessionsSignedInWithTheOldOne() {
        String username = "reset-" + ArrowFixture.unique("u").substring(2);
        String uuid = staffUser(username, "leaked-password-1");
        ConsoleSession intruder = new ConsoleSession(port);
        intruder.signIn(username, "leaked-password-1");
        assertThat(intruder.get("/users").statusCode()).as("signed in").isEqualTo(200);

        api.post("/api/users/" + uuid + "/set_password/", Map.of("password", "a-new-password-2"))
                .expect(200);

        HttpResponse<String> next = intruder.get("/users");
        assertThat(next.statusCode())
                .as("the session opened with the old password no longer opens the console")
                .isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).endsWith(RevokedSessions.TARGET);
        assertThat(intruder.get(RevokedSessions.TARGET).body()).contains("You were signed out: your password was set");
        assertThat(intruder.get("/users").statusCode()).as("and stays out").isEqualTo(302);

        ConsoleSession owner = new ConsoleSession(port);
        owner.signIn(username, "a-new-password-2");
        assertThat(owner.get("/users").statusCode())
                .as("the new password signs in")
                .isEqualTo(200);
    }

    /** A user who sets their own password in the console stays signed in there; their other sessions end. */
    @Test
    void aUserSettingTheirOwnPasswordInTheConsoleGoesOnThere() {
        String username = "own-" + ArrowFixture.unique("u").substring(2);
        String uuid = staffUser(username, "first-password-1");
        ConsoleSession here = new ConsoleSession(port);
        here.signIn(username, "first-password-1");
        ConsoleSession elsewhere = new ConsoleSession(port);
        elsewhere.signIn(username, "first-password-1");

        HttpResponse<String> set = here.postFollowing(
                "/users/" + uuid + "/password",
                Map.of(
                        "password",
                        "second-password-2",
                        "_csrf",
                        ConsoleSession.csrfOf(here.get("/users").body())));

        assertThat(set.body()).contains("Password of " + username + " set.");
        assertThat(here.get("/users").statusCode())
                .as("the session that set it")
                .isEqualTo(200);
        assertThat(elsewhere.get("/users").statusCode())
                .as("another session of the user")
                .isEqualTo(302);
    }

    /**
     * D254: staff deactivate a user in the console; its open session ends at its next request and its right password
     * signs in no more, until it is activated again. Nobody is offered to deactivate themself.
     */
    @Test
    void aUserDeactivatedInTheConsoleIsSignedOutAndSignsInNoMore() {
        String username = "leaving-" + ArrowFixture.unique("u").substring(2);
        String uuid = staffUser(username, "leaving-password-1");
        ConsoleSession leaving = new ConsoleSession(port);
        leaving.signIn(username, "leaving-password-1");
        assertThat(leaving.get("/users").body())
                .as("no button to deactivate oneself")
                .doesNotContain("aria-label=\"Deactivate " + username + "\"");
        ConsoleSession staff = signedIn();

        HttpResponse<String> done = staff.postFollowing(
                "/users/" + uuid + "/status",
                Map.of(
                        "is_active",
                        "false",
                        "_csrf",
                        ConsoleSession.csrfOf(staff.get("/users").body())));

        assertThat(done.body())
                .contains(username + " is deactivated: it signs in no more.")
                .contains("aria-label=\"Activate " + username + "\"");
        HttpResponse<String> next = leaving.get("/users");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).endsWith(RevokedSessions.TARGET);
        ConsoleSession again = new ConsoleSession(port);
        again.signIn(username, "leaving-password-1");
        assertThat(again.get("/users").statusCode())
                .as("the right password signs in no more")
                .isEqualTo(302);

        staff.postFollowing(
                "/users/" + uuid + "/status",
                Map.of(
                        "is_active",
                        "true",
                        "_csrf",
                        ConsoleSession.csrfOf(staff.get("/users").body())));
        ConsoleSession back = new ConsoleSession(port);
        back.signIn(username, "leaving-password-1");
        assertThat(back.get("/users").statusCode()).as("active again").isEqualTo(200);
    }

    /**
     * D254: a user whose staff status is taken away loses it in its open console session at once (signed in again, it
     * is a user without staff rights); it cannot give itself staff status back from that session either.
     */
    @Test
    void aUserNoLongerStaffLosesTheConsoleInItsOpenSession() {
        String username = "demoted-" + ArrowFixture.unique("u").substring(2);
        String uuid = staffUser(username, "demoted-password-1");
        ConsoleSession session = new ConsoleSession(port);
        session.signIn(username, "demoted-password-1");
        String token = ConsoleSession.csrfOf(session.get("/users").body());

        api.patch("/api/users/" + uuid + "/", Map.of("is_staff", false)).expect(200);

        HttpResponse<String> next =
                session.post("/users/" + uuid + "/status", Map.of("is_staff", "true", "_csrf", token));
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).endsWith(RevokedSessions.TARGET);
        assertThat(api.get("/api/users/" + uuid + "/")
                        .expect(200)
                        .json()
                        .get("is_staff")
                        .asBoolean())
                .as("no staff status given back")
                .isFalse();
        assertThat(session.get("/users").statusCode()).isEqualTo(302);
        api.patch("/api/users/" + uuid + "/", Map.of("is_active", false)).expect(200);
    }

    /** The sign-in page's "why" comes from a cookie any sibling host of the domain may set. */
    @Test
    void theSignInPageSaysOnlyWhatTheServerSaid() {
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("This server has moved: sign in at https://arrowsync.evil.example/login\u0000admin"
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> page =
                new ConsoleSession(port).get("/login?error", Map.of("Cookie", "ARROWSYNC_SIGNIN=" + forged));
        assertThat(page.body())
                .doesNotContain("arrowsync.evil.example")
                .contains(SignInFailure.WRONG_SENTENCE)
                .as("the username typed is shown again")
                .contains("value=\"admin\"");
    }

    /** The lockout allows three wrong passwords a username (these tests' limit), however they are sent. */
    @Test
    void wrongPasswordsSentAtOnceAreLimitedAsThoseSentOneByOne(CapturedOutput output) throws Exception {
        String username = "burst-" + ArrowFixture.unique("u").substring(2);
        staffUser(username, "right-password-1");
        int attempts = 24;
        List<ConsoleSession> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            ConsoleSession browser = new ConsoleSession(port);
            browsers.add(browser);
            tokens.add(ConsoleSession.csrfOf(browser.get("/login").body()));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            int n = i;
            outcomes.add(pool.submit(() -> {
                start.await();
                browsers.get(n)
                        .post("/login", Map.of("username", username, "password", "wrong-" + n, "_csrf", tokens.get(n)));
                return browsers.get(n).get("/login?error").body();
            }));
        }
        start.countDown();
        int compared = 0;
        for (Future<String> outcome : outcomes) {
            if (outcome.get().contains("Wrong username or password")) {
                compared++;
            }
        }
        pool.shutdown();
        assertThat(compared)
                .as("wrong passwords actually tried of %d sent at once", attempts)
                .isLessThanOrEqualTo(3);
        assertThat(output.getAll())
                .as("the guesses, in the log for whoever looks")
                .contains("Console sign-in as " + username + " from ")
                .contains("failed: wrong username or password")
                .contains("refused: too many wrong passwords");
    }

    /** A new staff user with this console password; its uuid. */
    private String staffUser(String username, String password) {
        return api.post("/api/users/", Map.of("username", username, "is_staff", true, "password", password))
                .expect(201)
                .text("uuid");
    }
}
