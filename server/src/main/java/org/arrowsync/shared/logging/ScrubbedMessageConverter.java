package org.arrowsync.shared.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.arrowsync.shared.Secrets;

/** {@code %m} of the log layout, with every stored secret masked (logback-spring.xml). */
public class ScrubbedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.scrub(super.convert(event));
    }
}
