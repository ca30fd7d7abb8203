package org.arrowsync.users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.arrowsync.shared.DataFolder;
import org.arrowsync.shared.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can log in as soon as the server accepts requests (it runs before the web server starts): the
 * token from {@code ARROWSYNC_ADMIN_TOKEN}, or else, when no staff user exists, a random one printed once to the
 * console and written owner-only to {@code <data dir>/admin-token}; the console password from
 * {@code ARROWSYNC_ADMIN_PASSWORD}, or else, while {@code admin} has none, a random one printed once and written
 * owner-only to {@code <data dir>/admin-password}.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    static final String TOKEN_FILE = "admin-token";
    static final String PASSWORD_FILE = "admin-password";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final DataFolder dataFolder;
    private final String configuredToken;
    private final String configuredPassword;

    AdminBootstrap(
            UserService users,
            DataFolder dataFolder,
            @Value("${arrowsync.admin-token:}") String configuredToken,
            @Value("${arrowsync.admin-password:}") String configuredPassword) {
        this.users = users;
        this.dataFolder = dataFolder;
        this.configuredToken = configuredToken;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            bootstrapToken();
            bootstrapPassword();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the admin token or password file", e);
        }
    }

    private void bootstrapToken() throws IOException {
        if (!configuredToken.isBlank()) {
            Secrets.remember(configuredToken.trim());
            if (users.ensureAdminToken(configuredToken.trim())) {
                log.info("Staff user 'admin' uses the token from ARROWSYNC_ADMIN_TOKEN");
            } else {
                log.warn("Staff user 'admin' is deactivated and other staff users are active: the token from"
                        + " ARROWSYNC_ADMIN_TOKEN gives no access until one of them activates 'admin' again");
            }
            return;
        }
        if (users.dropConfiguredToken()) {
            // for every server on this database: they must all be started alike (README)
            log.warn("ARROWSYNC_ADMIN_TOKEN is not set: the token an earlier start took from it is revoked, for every"
                    + " server sharing this database");
        }
        var token = users.createFirstAdminIfNone();
        if (token.isPresent()) {
            Path file = DataFolder.writeOwnerOnly(dataFolder.path().resolve(TOKEN_FILE), token.get());
            // Where it is, never the token itself: a service's output is its log
            log.info(
                    "Created staff user 'admin'; its API token is in {} (readable by its owner only)",
                    file.toAbsolutePath());
        }
    }

    private void bootstrapPassword() throws IOException {
        Path file = dataFolder.path().resolve(PASSWORD_FILE);
        if (!configuredPassword.isEmpty()) {
            Secrets.remember(configuredPassword);
            users.ensureAdminPassword(configuredPassword);
            log.info("Staff user 'admin' signs in to the console with the password from ARROWSYNC_ADMIN_PASSWORD");
            removeStale(file);
            return;
        }
        var password = users.createAdminPasswordIfNone();
        if (password.isPresent()) {
            DataFolder.writeOwnerOnly(file, password.get());
            log.info(
                    "Console password of 'admin' generated; it is in {} (readable by its owner only)",
                    file.toAbsolutePath());
        } else if (Files.isRegularFile(file) && !holdsAdminsPassword(file)) {
            removeStale(file);
        }
    }

    /** Whether the file holds admin's password; one that cannot be read (not UTF-8, not ours to read) is kept. */
    private boolean holdsAdminsPassword(Path file) {
        try {
            return users.isAdminPassword(Files.readString(file).strip());
        } catch (IOException e) {
            log.warn("Could not read {} to check it still holds the password of 'admin': {}", file, e.toString());
            return true;
        }
    }

    /**
     * Removes the generated password's file once it no longer holds admin's password (a configured one replaced it, or
     * admin chose another), so that neither it nor the start's banner points anyone at a password that fails.
     */
    private static void removeStale(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            log.info("Removed {}: it no longer holds the password of 'admin'", file.toAbsolutePath());
        }
    }
}
