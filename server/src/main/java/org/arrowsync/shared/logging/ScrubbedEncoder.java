package org.arrowsync.shared.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.arrowsync.shared.Secrets;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console log's encoder (logback-spring.xml): Spring Boot's own, the pattern or, when a structured format is set
 * ({@code ARROWSYNC_LOG_FORMAT=json}), the structured one, with every stored secret masked in each line it writes,
 * message, stack trace and JSON fields alike (D52). Masking the finished line covers every part of it in one place.
 */
public class ScrubbedEncoder extends EncoderBase<ILoggingEvent> {

    private String pattern;
    private String format;
    private Charset charset = StandardCharsets.UTF_8;
    private Encoder<ILoggingEvent> encoder;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    /** Boot's structured format ({@code ecs}, …); blank for the pattern. */
    public void setFormat(String format) {
        this.format = format;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (format != null && !format.isBlank()) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setContext(getContext());
            structured.setFormat(format);
            structured.setCharset(charset);
            encoder = structured;
        } else {
            PatternLayoutEncoder layout = new PatternLayoutEncoder();
            layout.setContext(getContext());
            layout.setPattern(pattern);
            layout.setCharset(charset);
            encoder = layout;
        }
        encoder.start();
        super.start();
    }

    @Override
    public void stop() {
        encoder.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return encoder.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = encoder.encode(event);
        String text = new String(line, charset);
        // a structured line is JSON: a key holding JSON's characters is masked as its strings hold it, not its syntax
        String scrubbed = encoder instanceof StructuredLogEncoder ? Secrets.scrubJsonText(text) : Secrets.scrub(text);
        return scrubbed == text ? line : scrubbed.getBytes(charset);
    }

    @Override
    public byte[] footerBytes() {
        return encoder.footerBytes();
    }
}
