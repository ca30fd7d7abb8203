package org.arrowsync.shared.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.arrowsync.shared.Secrets;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** {@code %wEx} of the log layout (a stack trace and its messages), with every stored secret masked. */
public class ScrubbedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.scrub(super.convert(event));
    }
}
