package org.arrowsync.users;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * console and written owner-only to {@code <data dir>/admin-token}.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final DataFolder dataFolder;
    private final String configuredToken;

    AdminBootstrap(
            UserService users, DataFolder dataFolder, @Value("${arrowsync.admin-token:}") String configuredToken) {
        this.users = users;
        this.dataFolder = dataFolder;
        this.configuredToken = configuredToken;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            bootstrap();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the admin token file", e);
        }
    }

    private void bootstrap() throws IOException {
        if (!configuredToken.isBlank()) {
            Secrets.remember(configuredToken.trim());
            users.ensureAdminToken(configuredToken.trim());
            log.info("Staff user 'admin' uses the token from ARROWSYNC_ADMIN_TOKEN");
            return;
        }
        var token = users.createFirstAdminIfNone();
        if (token.isPresent()) {
            Path file = DataFolder.writeOwnerOnly(dataFolder.path().resolve("admin-token"), token.get());
            // Printed, not logged: the console shows it once, log files never hold it.
            System.out.println();
            System.out.println("  Created staff user 'admin'. API token (shown once, also saved in "
                    + file.toAbsolutePath() + "):");
            System.out.println("  " + token.get());
            System.out.println();
        }
    }
}
