package org.arrowsync.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code ARROWSYNC_LOG_FORMAT}: {@code text} (the default) or {@code json}, Spring Boot's structured logging in the
 * Elastic Common Schema, one JSON object per line with the request id among its fields. Chosen before logging starts.
 */
public class LogFormat implements EnvironmentPostProcessor {

    static final String PROPERTY = "arrowsync.log.format";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "text").strip();
        switch (format) {
            case "", "text" -> {}
            case "json" ->
                environment
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "arrowsync-log-format", Map.of("logging.structured.format.console", "ecs")));
            default ->
                throw new IllegalStateException(
                        "ARROWSYNC_LOG_FORMAT is '" + format + "'; it must be 'text' or 'json'.");
        }
    }
}
