package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.arrowsync.shared.DataFolder;
import org.junit.jupiter.api.Test;

class ReadyMessageTests {

    @Test
    void namesTheApiItsDocsAndWhereTheGeneratedAdminTokenIs() {
        String text = new ReadyMessage(new DataFolder(Path.of("data")), "").text("http://localhost:8080");

        assertThat(text)
                .contains("http://localhost:8080/api/")
                .contains("http://localhost:8080/api/docs/")
                .contains("http://localhost:8080/health")
                .contains(Path.of("data", "admin-token").toString());
    }

    @Test
    void aConfiguredTokenIsNamedByItsVariableNeverShown() {
        String text = new ReadyMessage(new DataFolder(Path.of("data")), "s3cret").text("http://localhost:8080");

        assertThat(text).contains("ARROWSYNC_ADMIN_TOKEN").doesNotContain("s3cret");
    }
}
