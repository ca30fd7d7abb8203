package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures of a job are a lost database connection, as PostgreSQL's driver, the pool and Spring report them. */
class DatabaseConnectionLostTests {

    @Test
    void aConnectionExceptionOrAShutdownAnywhereAmongTheCausesIsALostConnection() {
        assertThat(DatabaseConnectionLost.causes(
                        new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(DatabaseConnectionLost.causes(new IllegalStateException(
                        "wrapped", new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
    }

    /**
     * The pool found no connection free in its timeout (Hikari gives no state): a job runs again, a request is a 503.
     */
    @Test
    void noConnectionFreeInThePoolIsOneToo() {
        assertThat(DatabaseConnectionLost.causes(new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException(
                                "arrowsync - Connection is not available, request timed out after 30000ms"))))
                .isTrue();
    }

    @Test
    void aFailedRollbackIsALostConnectionWhenTheFailureItOverrodeIsOne() {
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(DatabaseConnectionLost.causes(rollback)).isFalse();
        rollback.initApplicationException(
                new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertThat(DatabaseConnectionLost.causes(rollback)).isTrue();
        assertThat(new DatabaseConnectionLost(rollback).getMessage())
                .isEqualTo("The database connection was lost while the job ran "
                        + "(SQLSTATE 08006: An I/O error occurred while sending to the backend)");
    }

    @Test
    void aPerItemCatchThrowsOnlyALostConnectionOn() {
        RuntimeException lost =
                new IllegalStateException("wrapped", new SQLException("terminating connection", "57P01"));
        assertThatThrownBy(() -> DatabaseConnectionLost.rethrowIfCauses(lost)).isSameAs(lost);
        DatabaseConnectionLost.rethrowIfCauses(
                new DataIntegrityViolationException("duplicate", new SQLException("duplicate key value", "23505")));
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(DatabaseConnectionLost.causes(new DataIntegrityViolationException(
                        "duplicate", new SQLException("duplicate key value", "23505"))))
                .isFalse();
        assertThat(DatabaseConnectionLost.causes(new IllegalStateException("no SQL at all")))
                .isFalse();
    }
}
