package org.arrowsync.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import org.arrowsync.shared.Secrets;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** Both log formats, the pattern and the JSON one ({@code ARROWSYNC_LOG_FORMAT=json}), mask a stored key. */
class ScrubbedEncoderTests {

    private static final String KEY = "k\"e\ty\n-\u00e9\u043a-" + System.nanoTime();

    @Test
    void thePatternLineMasksAKeyInTheMessageAndTheStackTrace() {
        String line = encoded(encoder(null, "%m %ex%n"));
        assertThat(line).doesNotContain(KEY).contains("calling **** failed").contains("refused ****");
    }

    @Test
    void theJsonLineMasksAKeyInEveryField() {
        String line = encoded(encoder("ecs", null));
        assertThat(line)
                .startsWith("{")
                .doesNotContain(KEY)
                .doesNotContain("k\\\"e\\ty\\n")
                .contains("calling **** failed")
                .contains("refused ****");
    }

    private static ScrubbedEncoder encoder(String format, String pattern) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putObject(Environment.class.getName(), new MockEnvironment());
        ScrubbedEncoder encoder = new ScrubbedEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    private static String encoded(ScrubbedEncoder encoder) {
        Secrets.remember(KEY);
        Logger logger = ((LoggerContext) encoder.getContext()).getLogger("test");
        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(),
                logger,
                Level.WARN,
                "calling {} failed",
                new IllegalStateException("refused " + KEY),
                new Object[] {KEY});
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}
