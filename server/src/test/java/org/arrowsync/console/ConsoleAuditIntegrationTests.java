package org.arrowsync.console;

import static org.arrowsync.console.ConsoleSession.csrfOf;
import static org.arrowsync.console.ConsoleSession.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** A change made in the console is recorded as one made through the API: who, what, the reason given, no secrets. */
class ConsoleAuditIntegrationTests extends ConsoleIntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void aConsoleFormRecordsItsUserTheReasonFieldAndMasksPasswordAndCsrfToken() {
        ConsoleSession browser = signedIn();
        String username = "audited-" + ArrowFixture.unique("u").substring(2).replace(' ', '-');
        String password = "console-secret-" + username;
        String token = csrfOf(browser.get("/users").body());
        HttpResponse<String> created = browser.post(
                "/users",
                form(
                        "_csrf", token,
                        "username", username,
                        "password", password,
                        "reason", "onboarding the night shift"));
        int status = created.statusCode();
        assertThat(status)
                .as("created, and sent on: a reload does not create it again")
                .isEqualTo(302);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/users"));
        assertThat(browser.get("/users").body())
                .as("the page sent to shows the user's token once")
                .contains("id=\"created-user\"")
                .contains(username);
        assertThat(browser.get("/users").body()).doesNotContain("id=\"created-user\"");

        JsonNode entry = api.get("/api/admin/audit-log/?action=users_create&page_size=300")
                .expect(200)
                .json()
                .valueStream()
                .filter(found -> found.get("request").get("path").asString().equals("/users"))
                .filter(found -> found.toString().contains(username))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("actor").asString()).isEqualTo("admin");
        assertThat(entry.get("reason").asString()).isEqualTo("onboarding the night shift");
        assertThat(entry.get("status").asInt()).isEqualTo(status);
        JsonNode parameters = entry.get("request").get("parameters");
        assertThat(parameters.get("username").get(0).asString()).isEqualTo(username);
        assertThat(parameters.get("password").get(0).asString()).isEqualTo("****");
        assertThat(parameters.get("_csrf").get(0).asString()).isEqualTo("****");
        assertThat(entry.toString()).doesNotContain(password).doesNotContain(token);
    }

    /** A field of a megabyte is kept to its first thousand characters, saying how long it was. */
    @Test
    void aHugeFieldIsKeptToItsFirstThousandCharacters() {
        ConsoleSession browser = signedIn();
        String username = "huge-" + ArrowFixture.unique("u").substring(2).replace(' ', '-');
        String huge = "x".repeat(1_000_000);
        String token = csrfOf(browser.get("/users").body());
        browser.post("/users", form("_csrf", token, "username", username, "comment", huge));

        JsonNode parameters = api.get("/api/admin/audit-log/?action=users_create&page_size=300")
                .expect(200)
                .json()
                .valueStream()
                .filter(found -> found.toString().contains(username))
                .findFirst()
                .orElseThrow()
                .get("request")
                .get("parameters");
        assertThat(parameters.get("comment").get(0).asString())
                .isEqualTo("x".repeat(1000) + "… (1000000 characters in all)");
    }

    /**
     * A form the page refused is answered 200 (the page shows its errors) and recorded as refused, 400; a form that
     * changes one object is recorded as its update.
     */
    @Test
    void aRefusedFormIsRecordedAsRefusedAndAnEditAsAnUpdate() {
        ConsoleSession browser = signedIn();
        String username = "refused-" + ArrowFixture.unique("u").substring(2).replace(' ', '-');
        String token = csrfOf(browser.get("/users").body());
        HttpResponse<String> page = browser.post(
                "/users", form("_csrf", token, "username", username, "password", "x", "reason", "Typed reason"));
        assertThat(page.statusCode()).as("the page shows why").isEqualTo(200);
        assertThat(page.body()).as("the form as typed").contains("value=\"Typed reason\"");
        JsonNode refused = latest("users_create", username);
        assertThat(refused.get("status").asInt()).isEqualTo(400);

        String reference = fixture.mapCustomers(1).keySet().iterator().next();
        String mapping = fixture.mapping(reference);
        browser.post(
                "/mappings/" + mapping,
                form(
                        "_csrf",
                        token,
                        "arrow_company_name",
                        username,
                        "waldur_customer",
                        fixture.customers().get(reference),
                        "is_active",
                        "true"));
        JsonNode edited = latest("mappings_update", username);
        assertThat(edited.get("target_uuid").asString()).isEqualTo(mapping);
        assertThat(edited.get("status").asInt()).isLessThan(400);
    }

    /**
     * D288: the console's audit page shows the entries, filtered as the API filters them, with the reason given; a
     * job's page links the entry that queued it; a filter it cannot read is refused in words.
     */
    @Test
    void theAuditPageShowsWhoDidWhatAndWhyAndAJobLinksTheEntryThatQueuedIt() {
        ConsoleSession browser = signedIn();
        String username = "shown-" + ArrowFixture.unique("u").substring(2).replace(' ', '-');
        String token = csrfOf(browser.get("/users").body());
        browser.post(
                "/users",
                form(
                        "_csrf",
                        token,
                        "username",
                        username,
                        "password",
                        "long-enough-" + username,
                        "reason",
                        "for the auditors"));
        String entry = latest("users_create", username).get("uuid").asString();

        assertThat(browser.get("/audit?actor=admin&action=users_create").body())
                .contains("for the auditors")
                .contains("POST /users");
        String one = browser.get("/audit?entry=" + entry).body();
        assertThat(one).contains("for the auditors");
        assertThat(one.split("<tr>", -1)).as("the header and the one entry").hasSize(3);

        fixture.settings();
        JsonNode job = fixture.syncBilling(TestClock.closedMonth());
        String jobPage = browser.get("/jobs/" + job.get("uuid").asString()).body();
        String link = jobPage.replaceAll("(?s).*href=\"(/audit\\?entry=[0-9a-f]{32})\".*", "$1");
        assertThat(link).startsWith("/audit?entry=");
        assertThat(browser.get(link).body())
                .contains("admin_arrow_billing_syncs_trigger_sync")
                .as("the page says it shows one entry")
                .contains("id=\"audit-one-entry\"");

        HttpResponse<String> refused = browser.get("/audit?from=yesterday");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("from");
    }

    /**
     * D299: a sign-in is recorded, a refused one under the name typed with why as its status, and a sign-out; none
     * keeps the password. Spring Security answers them before any controller, where every other form is recorded.
     */
    @Test
    void signInsRefusedOnesAndSignOutsAreRecordedWithoutThePassword() {
        String username = "signs-in-" + ArrowFixture.unique("u").substring(2).replace(' ', '-');
        String user = api.post(
                        "/api/users/",
                        Map.of("username", username, "is_staff", true, "password", ADMIN_PASSWORD + "-2"))
                .expect(201)
                .json()
                .get("uuid")
                .asString();
        new ConsoleSession(port).signIn(username, "a-guessed-password");
        JsonNode refused = latest("console_sign_in", username);
        assertThat(refused.get("status").asInt())
                .as("wrong username or password")
                .isEqualTo(401);
        assertThat(refused.get("target_uuid").isNull()).isTrue();
        assertThat(refused.toString()).doesNotContain("a-guessed-password");
        assertThat(refused.get("request").get("path").asString()).isEqualTo("/login");

        // a name that is no user's, a password typed into the wrong field say, is not kept
        String typedPassword = "Secret-" + ArrowFixture.unique("p").substring(2).replace(' ', '-');
        new ConsoleSession(port).signIn(typedPassword, "a-guessed-password");
        assertThat(api.get("/api/admin/audit-log/?action=console_sign_in&page_size=300")
                        .expect(200)
                        .body())
                .doesNotContain(typedPassword)
                .contains("\"actor\":\"anonymous\"");

        ConsoleSession browser = new ConsoleSession(port);
        assertThat(browser.signIn(username, ADMIN_PASSWORD + "-2").headers().firstValue("Location"))
                .as("signed in, sent on to the console")
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        JsonNode signedIn = latest("console_sign_in", user);
        assertThat(signedIn.get("actor").asString()).isEqualTo(username);
        assertThat(signedIn.get("status").asInt()).isEqualTo(200);
        assertThat(signedIn.toString()).doesNotContain(ADMIN_PASSWORD);

        browser.post("/logout", form("_csrf", csrfOf(browser.get("/users").body())));
        JsonNode signedOut = latest("console_sign_out", user);
        assertThat(signedOut.get("actor").asString()).isEqualTo(username);
        assertThat(api.get("/api/admin/audit-log/?actor=" + username + "&page_size=300")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(entry -> entry.get("action").asString()))
                .as("the newest first")
                .startsWith("console_sign_out", "console_sign_in", "console_sign_in");
    }

    private JsonNode latest(String action, String naming) {
        return api.get("/api/admin/audit-log/?action=" + action + "&page_size=300")
                .expect(200)
                .json()
                .valueStream()
                .filter(found -> found.toString().contains(naming))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " entry naming " + naming));
    }
}
