package org.arrowsync.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class ConfiguredCredentialAnalyzerTests {

    @Test
    void saysWhatIsWrongWithTheCredentialAndWhatToDo() {
        FailureAnalysis analysis = new ConfiguredCredentialAnalyzer()
                .analyze(new IllegalStateException(
                        "Failed to execute ApplicationRunner",
                        new ConfiguredCredentialRefused("ARROWSYNC_ADMIN_TOKEN", "has spaces")));

        assertThat(analysis.getDescription()).isEqualTo("has spaces");
        assertThat(analysis.getAction()).contains("ARROWSYNC_ADMIN_TOKEN").contains("nothing was changed");
    }
}
