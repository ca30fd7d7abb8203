package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.arrowsync.shared.DataFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadyMessageTests {

    @Test
    void namesTheConsoleTheApiItsDocsAndWhereTheGeneratedAdminTokenIs(@TempDir Path data) throws IOException {
        Files.writeString(data.resolve("admin-token"), "token");
        Files.writeString(data.resolve("admin-password"), "password");

        String text = new ReadyMessage(new DataFolder(data), "", "").text("http://localhost:8080");

        assertThat(text)
                .contains("Console   http://localhost:8080/ (sign in as admin")
                .contains("the password in " + data.resolve("admin-password"))
                .contains("http://localhost:8080/api/")
                .contains("http://localhost:8080/api/docs/")
                .contains("http://localhost:8080/health")
                .contains("the admin token is in " + data.resolve("admin-token"));
    }

    @Test
    void aRestoredFolderWithoutTheTokenAndPasswordFilesSaysWhereTheyComeFrom(@TempDir Path data) {
        String text = new ReadyMessage(new DataFolder(data), "", "").text("http://localhost:8080");

        assertThat(text)
                .doesNotContain("the admin token is in")
                .contains("ARROWSYNC_ADMIN_TOKEN")
                .doesNotContain("admin-password")
                .contains("admin's password on the server this data came from")
                .contains("ARROWSYNC_ADMIN_PASSWORD");
    }

    @Test
    void aConfiguredTokenIsNamedByItsVariableNeverShown() {
        String text = new ReadyMessage(new DataFolder(Path.of("data")), "s3cret", "pa55word-long")
                .text("http://localhost:8080");

        assertThat(text)
                .contains("ARROWSYNC_ADMIN_TOKEN")
                .contains("the password of ARROWSYNC_ADMIN_PASSWORD")
                .doesNotContain("s3cret")
                .doesNotContain("pa55word-long");
    }
}
