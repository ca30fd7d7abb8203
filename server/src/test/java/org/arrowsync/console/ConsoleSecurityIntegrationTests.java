package org.arrowsync.console;

import static org.arrowsync.console.ConsoleSession.csrfOf;
import static org.arrowsync.console.ConsoleSession.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Console sessions over plain HTTP: sign-in, CSRF, the session cookie, throttling, non-staff users, the API apart. */
class ConsoleSecurityIntegrationTests extends ConsoleIntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void signInOpensTheConsoleAndAWrongPasswordSaysSo() {
        ConsoleSession browser = new ConsoleSession(port);
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(browser.get("/").headers().firstValue("Location").orElseThrow())
                .endsWith("/login");

        HttpResponse<String> wrong = browser.signIn("admin", "not-the-password");
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        String refused = browser.get("/login?error").body();
        assertThat(refused)
                .contains("Wrong username or password.")
                .as("the username typed is kept, the password is not")
                .contains("name=\"username\" type=\"text\" autocomplete=\"username\" required value=\"admin\"")
                .doesNotContain("not-the-password");
        assertThat(browser.get("/login").body())
                .as("kept for the next page only")
                .doesNotContain("value=\"admin\"");

        HttpResponse<String> right = browser.signIn("admin", ADMIN_PASSWORD);
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(browser.get("/users").statusCode()).isEqualTo(200);

        String token = csrfOf(browser.get("/users").body());
        assertThat(browser.post("/logout", form("_csrf", token))
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login?signed-out");
        assertThat(browser.get("/users").headers().firstValue("Location"))
                .as("signed out on purpose: no word of a session that ended")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void aMistypedAddressIsAPageInWordsForABrowserAndJsonOtherwise() {
        ConsoleSession browser = signedIn();
        HttpResponse<String> page = browser.get("/wizard", Map.of("Accept", "text/html,application/xhtml+xml"));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("There is no page at this address.").contains("href=\"/\"");
        HttpResponse<String> json = browser.get("/wizard", Map.of("Accept", "application/json"));
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).isEqualTo("{\"detail\":\"Not found.\"}");
    }

    /**
     * A console form sent as JSON, text or multipart (which nothing here reads) is refused: its handler would act on
     * the empty form that leaves it.
     */
    @Test
    void aFormSentAsAnythingButAFormIsRefusedAndChangesNothing() {
        String settings = fixture.activeSettings();
        JsonNode before = api.get("/api/admin/arrow/settings/" + settings + "/")
                .expect(200)
                .json();
        ConsoleSession browser = signedIn();
        Map<String, String> bodies = Map.of(
                "application/json",
                "{\"classification_filter\": \"IAAS,SAAS\"}",
                "text/plain",
                "classification_filter=IAAS,SAAS",
                "multipart/form-data; boundary=XX",
                "--XX\r\nContent-Disposition: form-data; name=\"invoice_item_prefix\"\r\n\r\nMP\r\n--XX--\r\n");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            String type = body.getKey();
            HttpResponse<String> refused =
                    browser.postBody("/settings/" + settings, "/settings/" + settings, type, body.getValue());
            assertThat(refused.statusCode()).as(type).isEqualTo(415);
            assertThat(refused.body()).contains("application/x-www-form-urlencoded");
        }
        assertThat(api.get("/api/admin/arrow/settings/" + settings + "/")
                        .expect(200)
                        .json())
                .isEqualTo(before);
    }

    /** A form's address opened in a browser (a reload after a refused form) is a page in words, not the API's JSON. */
    @Test
    void aFormsAddressOpenedInABrowserIsAPageInWords() {
        ConsoleSession browser = signedIn();
        HttpResponse<String> page = browser.get("/vendors", Map.of("Accept", "text/html,application/xhtml+xml"));
        assertThat(page.statusCode()).isEqualTo(405);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        assertThat(page.body()).contains("This address takes a form").contains("href=\"/\"");
        assertThat(api.get("/api/admin/arrow/billing-syncs/trigger_sync/")
                        .expect(405)
                        .text("detail"))
                .as("the API's own refusal stays JSON")
                .isEqualTo("Method \"GET\" not allowed.");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndWritesNothing() {
        ConsoleSession browser = signedIn();
        String username = "csrf-" + ArrowFixture.unique("u").substring(2);

        HttpResponse<String> forged = browser.post("/users", form("username", username));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("nothing was done");
        assertThat(api.get("/api/users/?page_size=300").expect(200).body()).doesNotContain(username);

        HttpResponse<String> htmxForged = browser.post(
                "/users", form("username", username), Map.of("HX-Request", "true", "X-CSRF-TOKEN", "forged"));
        assertThat(htmxForged.statusCode()).isEqualTo(403);
        assertThat(htmxForged.headers().firstValue("HX-Retarget"))
                .as("a part of a page asked: the refusal goes among the page's messages")
                .hasValue("#messages");
        assertThat(htmxForged.body()).contains("has expired").doesNotContain("<main", "<h1");

        String token = csrfOf(browser.get("/users").body());
        HttpResponse<String> real =
                browser.post("/users", form("username", username), Map.of("HX-Request", "true", "X-CSRF-TOKEN", token));
        assertThat(real.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/users/?page_size=300").expect(200).body()).contains(username);
    }

    @Test
    void aFormFieldWithACharacterNoTextHoldsIsRefusedBeforeItReachesTheDatabase() {
        ConsoleSession browser = new ConsoleSession(port);
        String signInToken = csrfOf(browser.get("/login").body());
        HttpResponse<String> signIn =
                browser.post("/login", form("username", "ad\u0000min", "password", "x", "_csrf", signInToken));
        assertThat(signIn.statusCode()).isEqualTo(400);
        assertThat(signIn.body()).isEqualTo("{\"username\":[\"Null characters are not allowed.\"]}");

        browser.signIn("admin", ADMIN_PASSWORD);
        String username = "nul-" + ArrowFixture.unique("u").substring(2);
        String token = csrfOf(browser.get("/users").body());
        HttpResponse<String> refused = browser.post("/users", form("_csrf", token, "username", username + "\u0000"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Null characters are not allowed.");
        HttpResponse<String> page = browser.post(
                "/users",
                form("_csrf", token, "username", username + "\u0000"),
                Map.of("Accept", "text/html,application/xhtml+xml"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .as("a browser is told in words")
                .contains("<h1>Refused</h1>", "username: Null characters are not allowed.", "href=\"/\"");
        HttpResponse<String> htmx = browser.post(
                "/users", form("username", username + "\u0000"), Map.of("HX-Request", "true", "X-CSRF-TOKEN", token));
        assertThat(htmx.statusCode()).isEqualTo(400);
        assertThat(htmx.headers().firstValue("HX-Retarget"))
                .as("not in place of the form")
                .contains("#messages");
        assertThat(htmx.headers().firstValue("HX-Reswap")).contains("innerHTML");
        assertThat(htmx.body())
                .as("htmx shows it among the page's messages")
                .isEqualTo(
                        "<div class=\"notice error\" role=\"alert\"><p>username: Null characters are not allowed.</p></div>");
        assertThat(api.get("/api/users/?page_size=300").expect(200).body()).doesNotContain(username);
    }

    /** Secure behind a trusted proxy that ends HTTPS: see TrustedProxyIntegrationTests. */
    @Test
    void theCookiesAreHttpOnlyAndStrictAndAnUntrustedClientCannotMakeThemSecure() {
        List<String> plain = new ConsoleSession(port).get("/login").headers().allValues("Set-Cookie");
        assertThat(plain).singleElement().satisfies(cookie -> {
            assertThat(cookie).startsWith("ARROWSYNC_CSRF=").contains("HttpOnly", "SameSite=Strict");
            assertThat(cookie).doesNotContain("Secure");
        });
        List<String> claimed = new ConsoleSession(port)
                .get("/login", Map.of("X-Forwarded-Proto", "https"))
                .headers()
                .allValues("Set-Cookie");
        assertThat(claimed)
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).doesNotContain("Secure"));
        List<String> signedIn = new ConsoleSession(port)
                .signIn("admin", ADMIN_PASSWORD)
                .headers()
                .allValues("Set-Cookie");
        assertThat(signedIn).anySatisfy(cookie -> {
            assertThat(cookie).startsWith("ARROWSYNC_SESSION=").contains("HttpOnly", "SameSite=Strict");
            assertThat(cookie).doesNotContain("Secure");
        });
    }

    /**
     * A visitor who never signs in leaves no session in the server's memory, however large their requests: the page
     * asked for waits in a cookie, and the sign-in leads back to it.
     */
    @Test
    void aVisitorWhoDoesNotSignInGetsNoSessionAndTheSignInLeadsToThePageAskedFor() {
        ConsoleSession browser = new ConsoleSession(port);
        HttpResponse<String> asked = browser.get("/months", Map.of("X-Pad", "x".repeat(20_000)));
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(asked.headers().allValues("Set-Cookie"))
                .noneSatisfy(cookie -> assertThat(cookie).startsWith("ARROWSYNC_SESSION="));
        assertThat(browser.get("/login").headers().allValues("Set-Cookie"))
                .noneSatisfy(cookie -> assertThat(cookie).startsWith("ARROWSYNC_SESSION="));

        HttpResponse<String> refused = browser.signIn("admin", "not-the-password");
        assertThat(refused.headers().allValues("Set-Cookie"))
                .as("a refused sign-in opens no session either")
                .noneSatisfy(cookie -> assertThat(cookie).startsWith("ARROWSYNC_SESSION="));
        assertThat(browser.get("/login?error").body())
                .contains("Wrong username or password.")
                .contains("value=\"admin\"");

        HttpResponse<String> signedIn = browser.signIn("admin", ADMIN_PASSWORD);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).isEqualTo("http://localhost:" + port + "/months"));
        assertThat(browser.get("/months").statusCode()).isEqualTo(200);
    }

    /**
     * D285: a form posted after its session ended is lost, but the sign-in leads back to the page it was sent from (its
     * Referer, or the page htmx names), not to the overview; a page of another site is not kept.
     */
    @Test
    void aFormLostWithItsSessionLeadsBackToItsPageAfterSignIn() {
        String site = "http://localhost:" + port;
        Map<String, Map<String, String>> sentFrom = Map.of(
                site + "/users?page=2",
                Map.of("Referer", site + "/users?page=2"),
                site + "/margins",
                Map.of("HX-Request", "true", "HX-Current-URL", site + "/margins", "Referer", site + "/"),
                site + "/",
                Map.of("Referer", "http://elsewhere.example:" + port + "/users"));
        sentFrom.forEach((expected, headers) -> {
            ConsoleSession browser = new ConsoleSession(port);
            Map<String, String> lost = new java.util.HashMap<>(headers);
            lost.put("Cookie", "ARROWSYNC_SESSION=ended-long-ago");
            HttpResponse<String> post = browser.post("/users", form("username", "typed", "_csrf", "old"), lost);
            assertThat(post.statusCode()).as(expected).isIn(302, 401);
            assertThat(browser.signIn("admin", ADMIN_PASSWORD).headers().firstValue("Location"))
                    .as(headers.toString())
                    .hasValue(expected);
        });
    }

    /**
     * The page to go back to is read only as a path of this site: another site's address, a cookie that is no Base64 or
     * a path with dot segments (which the container refuses to redirect to) counts as nothing kept, never as an error,
     * and is cleared.
     */
    @Test
    void aPageToGoBackToThatIsNoPathOfThisSiteIsIgnored() {
        for (String planted : new String[] {
            "%%%not-base64",
            encoded("//evil.example/x"),
            encoded("https://evil.example/"),
            encoded("/\\evil.example"),
            encoded("/../x"),
            encoded("/users/%2e%2e/%2E%2E/x?page=1")
        }) {
            ConsoleSession browser = new ConsoleSession(port);
            Map<String, String> cookie = Map.of("Cookie", "ARROWSYNC_RETURN=" + planted);
            HttpResponse<String> page = browser.get("/login", cookie);
            assertThat(page.statusCode()).as(planted).isEqualTo(200);
            HttpResponse<String> signedIn = browser.post(
                    "/login",
                    form("username", "admin", "password", ADMIN_PASSWORD, "_csrf", csrfOf(page.body())),
                    cookie);
            assertThat(signedIn.headers().firstValue("Location"))
                    .as(planted)
                    .hasValueSatisfying(to -> assertThat(to).isEqualTo("http://localhost:" + port + "/"));
            assertThat(signedIn.headers().allValues("Set-Cookie"))
                    .as("D298: what is ignored is cleared, %s", planted)
                    .anyMatch(set -> set.startsWith("ARROWSYNC_RETURN=;") && set.contains("Max-Age=0"));
        }
    }

    /** Once signed in, the CSRF token is the session's: a token from before, or from a cookie, no longer passes. */
    @Test
    void afterSignInTheCsrfTokenIsTheSessions() {
        ConsoleSession browser = new ConsoleSession(port);
        String before = csrfOf(browser.get("/login").body());
        browser.signIn("admin", ADMIN_PASSWORD);
        String username = "csrf-" + ArrowFixture.unique("u").substring(2);

        HttpResponse<String> stale = browser.post("/users", form("_csrf", before, "username", username));
        assertThat(stale.statusCode()).isEqualTo(403);
        String token = csrfOf(browser.get("/users").body());
        assertThat(browser.post(
                                "/users",
                                form("_csrf", token, "username", username),
                                Map.of("Cookie", "ARROWSYNC_CSRF=planted-by-another-site"))
                        .statusCode())
                .as("a token in the page passes, whatever a cookie says")
                .isEqualTo(302);
    }

    private static String encoded(String page) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(page.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wrongPasswordsLockTheUsernameOutEvenForTheRightOne() {
        String username = "throttled-" + ArrowFixture.unique("u").substring(2);
        api.post("/api/users/", Map.of("username", username, "is_staff", true, "password", "right-password-1"))
                .expect(201);
        ConsoleSession browser = new ConsoleSession(port);
        // three wrong passwords (the limit these tests set), each counted once: the third is still only a wrong one
        for (int i = 0; i < 3; i++) {
            browser.signIn(username, "wrong-password-" + i);
            assertThat(browser.get("/login?error").body())
                    .as("wrong password %d", i + 1)
                    .contains("Wrong username or password")
                    .doesNotContain("Too many wrong passwords");
        }
        HttpResponse<String> refused = browser.signIn(username, "right-password-1");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Too many wrong passwords");
        assertThat(browser.get("/").statusCode()).as("not signed in").isEqualTo(302);

        assertThat(new ConsoleSession(port)
                        .signIn("admin", ADMIN_PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .as("another username is not locked out")
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    @Test
    void usersWhoAreNotStaffGetAForbiddenPage() {
        String username = "reader-" + ArrowFixture.unique("u").substring(2);
        api.post("/api/users/", Map.of("username", username, "password", "reader-password-1"))
                .expect(201);
        ConsoleSession browser = new ConsoleSession(port);
        browser.signIn(username, "reader-password-1");
        HttpResponse<String> overview = browser.get("/");
        assertThat(overview.statusCode()).isEqualTo(403);
        assertThat(overview.body()).contains("Staff only", username);
        assertThat(browser.get("/invoices").statusCode()).isEqualTo(403);
        assertThat(browser.post("/users", form("username", "x", "_csrf", csrfOf(overview.body())))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> staff = signedIn().get("/forbidden");
        assertThat(staff.statusCode()).as("nothing is refused to staff").isEqualTo(302);
        assertThat(staff.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/"));
    }

    @Test
    void theApiKeepsItsTokensAndGetsNoSessionOrCsrf() {
        var anonymous = api.anonymous().get("/api/customers/");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("detail").asString()).contains("credentials");
        var read = api.get("/api/customers/").expect(200);
        assertThat(read.headers()).doesNotContainKey("set-cookie");
        var written = api.post("/api/customers/", Map.of("name", ArrowFixture.unique("No CSRF")))
                .expect(201);
        assertThat(written.headers()).doesNotContainKey("set-cookie");
        api.as(fixture.userToken()).get("/api/admin/arrow/jobs/").expect(403);
    }

    @Test
    void aFragmentRequestedWithoutASessionSendsHtmxToTheSignInPage() {
        HttpResponse<String> fragment = new ConsoleSession(port).get("/jobs", Map.of("HX-Request", "true"));
        assertThat(fragment.statusCode()).isEqualTo(401);
        assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/login");
    }

    /**
     * A session that ended (its cookie outlived it: an idle timeout, a restart) sends a page, a form posted from it and
     * the sign-in form itself to the sign-in page saying so, not to a bare one that looks like a wrong password.
     */
    @Test
    void aSessionThatEndedIsNamedOnTheSignInPage() {
        Map<String, String> ended = Map.of("Cookie", "ARROWSYNC_SESSION=ended-long-ago");

        assertThat(new ConsoleSession(port).get("/users", ended).headers().firstValue("Location"))
                .as("a page: nothing sent was lost")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?ended-page"));
        assertThat(new ConsoleSession(port)
                        .post("/users", form("username", "typed", "_csrf", "from-the-old-page"), ended)
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?ended"));
        assertThat(new ConsoleSession(port)
                        .post("/login", form("username", "admin", "password", "x", "_csrf", "from-the-old-page"), ended)
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?ended"));
        HttpResponse<String> signOutAgain =
                new ConsoleSession(port).post("/logout", form("_csrf", "from-the-old-page"), ended);
        assertThat(signOutAgain.headers().firstValue("Location"))
                .as("signing out of a session that ended is done: nothing was lost")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?signed-out"));
        assertThat(signOutAgain.headers().allValues("Set-Cookie"))
                .as("the ended session's cookie is forgotten")
                .anySatisfy(cookie ->
                        assertThat(cookie).startsWith("ARROWSYNC_SESSION=;").contains("Expires=Thu, 01 Jan 1970"));
        assertThat(new ConsoleSession(port)
                        .post("/logout", form("_csrf", "from-the-old-page"))
                        .headers()
                        .firstValue("Location"))
                .as("nor from a tab whose cookie another tab's sign-out forgot")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?signed-out"));
        ConsoleSession visitor = new ConsoleSession(port);
        assertThat(visitor.get("/login?ended").body())
                .contains("Your session has ended")
                .contains("what you sent was not done");
        assertThat(visitor.get("/login?ended-page").body())
                .contains("Your session has ended")
                .doesNotContain("what you sent was not done");
        assertThat(visitor.get("/users").headers().firstValue("Location"))
                .as("a first visit is sent to sign in without a word")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    /**
     * A form posted from a page whose cookie a sign-out in another tab forgot sends no session at all: what it asked
     * for is lost, and the sign-in page says so, to a plain post as to htmx.
     */
    @Test
    void aFormPostedAfterASignOutInAnotherTabIsNamedLost() {
        assertThat(new ConsoleSession(port)
                        .post("/consumption/pause", form("_csrf", "from-the-old-page", "scope", "global"))
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?ended"));
        HttpResponse<String> fragment = new ConsoleSession(port)
                .post(
                        "/consumption/pause",
                        form("_csrf", "from-the-old-page", "scope", "global"),
                        Map.of("HX-Request", "true"));
        assertThat(fragment.statusCode()).isEqualTo(401);
        assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/login?ended");
        assertThat(new ConsoleSession(port)
                        .post("/login", form("username", "admin", "password", "x", "_csrf", "from-the-old-page"))
                        .headers()
                        .firstValue("Location"))
                .as("the sign-in form sent without its cookie is only shown again")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }
}
