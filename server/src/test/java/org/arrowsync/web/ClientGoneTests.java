package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** A client that aborts a download is not an error: no ERROR or WARN line, no answer to write. */
class ClientGoneTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void listen() {
        events.start();
        logger.addAppender(events);
        logger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(events);
        logger.setLevel(null);
    }

    @Test
    void anAbortedDownloadIsOneDebugLineAndNoAnswer() {
        ApiExceptionHandler handler = new ApiExceptionHandler();

        assertThat(handler.unexpected(new HttpMessageNotWritableException(
                        "Could not write JSON: Broken pipe", new ClientAbortException(new IOException("Broken pipe")))))
                .isNull();
        assertThat(handler.unexpected(new AsyncRequestNotUsableException("ServletOutputStream failed to flush")))
                .isNull();

        assertThat(events.list).hasSize(2).allMatch(event -> event.getLevel() == Level.DEBUG);
    }

    @Test
    void anyOtherFailureIsStillAnErrorWithA500() {
        ApiExceptionHandler handler = new ApiExceptionHandler();

        assertThat(handler.unexpected(new IllegalStateException("bug"))
                        .getStatusCode()
                        .value())
                .isEqualTo(500);
        assertThat(events.list).singleElement().matches(event -> event.getLevel() == Level.ERROR);
    }
}
