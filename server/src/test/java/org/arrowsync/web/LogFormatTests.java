package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LogFormatTests {

    @Test
    void jsonSwitchesToSpringBootsStructuredLogsAndTextLeavesThePattern() {
        MockEnvironment json = new MockEnvironment().withProperty(LogFormat.PROPERTY, "json");
        new LogFormat().postProcessEnvironment(json, new SpringApplication());
        assertThat(json.getProperty("logging.structured.format.console")).isEqualTo("ecs");

        MockEnvironment text = new MockEnvironment().withProperty(LogFormat.PROPERTY, "text");
        new LogFormat().postProcessEnvironment(text, new SpringApplication());
        assertThat(text.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void anUnknownFormatStopsTheStartNamingTheVariable() {
        MockEnvironment xml = new MockEnvironment().withProperty(LogFormat.PROPERTY, "xml");
        assertThatThrownBy(() -> new LogFormat().postProcessEnvironment(xml, new SpringApplication()))
                .hasMessageContaining("ARROWSYNC_LOG_FORMAT");
    }
}
