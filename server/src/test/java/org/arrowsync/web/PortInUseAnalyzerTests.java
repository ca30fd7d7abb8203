package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;

class PortInUseAnalyzerTests {

    @Test
    void aPortInUseNamesServerPort() {
        FailureAnalysis analysis = new PortInUseAnalyzer().analyze(new PortInUseException(8080));

        assertThat(analysis.getDescription()).contains("8080");
        assertThat(analysis.getAction()).contains("SERVER_PORT=8081");
    }
}
