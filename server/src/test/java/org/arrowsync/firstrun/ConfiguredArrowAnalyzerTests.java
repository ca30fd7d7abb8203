package org.arrowsync.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class ConfiguredArrowAnalyzerTests {

    @Test
    void namesTheVariableOfEachRefusedField() {
        FailureAnalysis analysis = new ConfiguredArrowAnalyzer()
                .analyze(new IllegalStateException(
                        "Failed to execute ApplicationRunner",
                        new ConfiguredArrowRefused(Map.of(
                                "api_url", List.of("Use an https:// URL."),
                                "api_key", List.of("Enter the API key as Arrow gave it.")))));

        assertThat(analysis.getDescription())
                .contains("ARROWSYNC_ARROW_API_URL: Use an https:// URL.")
                .contains("ARROWSYNC_ARROW_API_KEY: Enter the API key as Arrow gave it.");
        assertThat(analysis.getAction()).contains("nothing was created");
    }
}
