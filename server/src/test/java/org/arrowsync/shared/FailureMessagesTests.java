package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;

class FailureMessagesTests {

    @Test
    void aDatabaseErrorLeavesItsStatementToTheLogNotToTheJob() {
        UncategorizedSQLException failure = new UncategorizedSQLException(
                "PreparedStatementCallback",
                "update invoice_items it set unit_price = t.up from unnest(?::numeric[]) as t(up)",
                new SQLException("ERROR: numeric field overflow", "22003"));

        assertThat(failure.getMessage()).contains("invoice_items");
        assertThat(FailureMessages.of(failure))
                .isEqualTo("A database statement failed on the server; see the server log");
    }

    @Test
    void anyOtherUnforeseenFailureKeepsItsMessageOrNamesItsKind() {
        assertThat(FailureMessages.of(new IllegalStateException("No handler for job kind backup")))
                .isEqualTo("No handler for job kind backup");
        assertThat(FailureMessages.of(new NullPointerException()))
                .isEqualTo("NullPointerException on the server; see the server log");
    }
}
