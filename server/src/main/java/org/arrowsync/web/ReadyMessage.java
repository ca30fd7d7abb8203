package org.arrowsync.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.arrowsync.shared.DataFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The last start-up lines: where to go now. Logged once the server is ready (the demo included), so they close the
 * start-up log.
 */
@Component
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final DataFolder data;
    private final boolean tokenConfigured;
    private final boolean passwordConfigured;

    ReadyMessage(
            DataFolder data,
            @Value("${arrowsync.admin-token:}") String adminToken,
            @Value("${arrowsync.admin-password:}") String adminPassword) {
        this.data = data;
        this.tokenConfigured = !adminToken.isBlank();
        this.passwordConfigured = !adminPassword.isBlank();
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        log.info(text("http://localhost:" + web.getWebServer().getPort()));
    }

    String text(String base) {
        Path token = data.path().resolve("admin-token");
        String where;
        if (tokenConfigured) {
            where = "the admin token is the one in ARROWSYNC_ADMIN_TOKEN";
        } else if (Files.exists(token)) {
            where = "the admin token is in " + token + " (send it as Authorization: Token <key>)";
        } else {
            // A restored data folder holds the users but not the token file of the server it came from.
            where = "no " + token + " here: use the admin token of the server this data came from,"
                    + " or start with ARROWSYNC_ADMIN_TOKEN=<new token> to set one";
        }
        Path passwordFile = data.path().resolve("admin-password");
        String password;
        if (passwordConfigured) {
            password = "the password of ARROWSYNC_ADMIN_PASSWORD";
        } else if (Files.exists(passwordFile)) {
            password = "the password in " + passwordFile;
        } else {
            // A restored folder, or one whose admin chose a password: the users keep theirs.
            password = "admin's password on the server this data came from, or start with"
                    + " ARROWSYNC_ADMIN_PASSWORD=<new password> to set one";
        }
        return String.join(
                System.lineSeparator(),
                "arrowsync is ready:",
                "  Console   " + base + "/ (sign in as admin: " + password + ")",
                "  API       " + base + "/api/",
                "  API docs  " + base + "/api/docs/ (the OpenAPI document: " + base + "/api/schema/)",
                "  Health    " + base + "/health",
                "  Token     " + where);
    }
}
