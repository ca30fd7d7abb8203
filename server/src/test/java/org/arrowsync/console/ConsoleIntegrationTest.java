package org.arrowsync.console;

import org.arrowsync.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's tests run in a context of their own (and so a database of their own): they sign in, pause and activate,
 * which other test classes must never see.
 */
@TestPropertySource(
        properties = {
            "arrowsync.console.failures-per-username=3",
            "arrowsync.console.failures-per-address=1000",
            "arrowsync.console.lockout=10m"
        })
abstract class ConsoleIntegrationTest extends IntegrationTest {

    static final String ADMIN_PASSWORD = "test-admin-password";

    /** A browser session signed in as the staff user {@code admin}. */
    ConsoleSession signedIn() {
        ConsoleSession browser = new ConsoleSession(port);
        browser.signIn("admin", ADMIN_PASSWORD);
        return browser;
    }
}
