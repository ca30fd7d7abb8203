package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** A request whose database went away (restarted, unreachable) is a 503 to retry, not a 500 bug. */
class DatabaseUnavailableTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @BeforeEach
    void listen() {
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(events);
    }

    @Test
    void aConnectionPostgresqlClosedMidRequestIsA503() {
        ResponseEntity<Object> answer = handler.unexpected(new DataAccessResourceFailureException(
                "PreparedStatementCallback",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody()).isEqualTo(Map.of("detail", "The database is unavailable; try again in a moment."));
        assertThat(events.list).singleElement().matches(event -> event.getLevel() == Level.WARN);
    }

    @Test
    void noConnectionToBeHadIsA503() {
        ResponseEntity<Object> answer = handler.unexpected(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLException("Connection refused", "08001")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void anSqlErrorOfAnotherKindIsStillA500() {
        ResponseEntity<Object> answer = handler.unexpected(new DataAccessResourceFailureException(
                "PreparedStatementCallback", new SQLException("division by zero", "22012")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(events.list).singleElement().matches(event -> event.getLevel() == Level.ERROR);
    }
}
