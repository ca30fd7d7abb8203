package org.arrowsync.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class ConfiguredPasswordAnalyzerTests {

    @Test
    void saysWhatIsWrongWithThePasswordAndWhatToDo() {
        FailureAnalysis analysis = new ConfiguredPasswordAnalyzer()
                .analyze(new IllegalStateException(
                        "Failed to execute ApplicationRunner", new ConfiguredPasswordRefused("too short")));

        assertThat(analysis.getDescription()).isEqualTo("too short");
        assertThat(analysis.getAction()).contains("ARROWSYNC_ADMIN_PASSWORD").contains("nothing was changed");
    }
}
