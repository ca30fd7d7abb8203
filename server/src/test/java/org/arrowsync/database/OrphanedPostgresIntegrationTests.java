package org.arrowsync.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.arrowsync.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * D264: a server killed hard leaves its embedded PostgreSQL running, and the next server on the folder stops it first,
 * whoever is still connected to it (an operator's {@code psql}, another server): it took PostgreSQL's smart shutdown,
 * which waits for them, then started beside the still-running orphan and gave up.
 */
class OrphanedPostgresIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void aServerKilledHardWhileASessionHoldsItsDatabaseStartsAgain() throws Exception {
        ServerProcess first = ServerProcess.start(folder, "first");
        Connection session = first.dataSource().getConnection();
        try {
            first.kill();
            assertThat(session.isValid(5))
                    .as("the orphan still serves its session")
                    .isTrue();

            ServerProcess second = ServerProcess.start(folder, "second");
            try {
                second.api().get("/api/customers/").expect(200);
                assertThat(session.isValid(5))
                        .as("the orphan's session ended with it")
                        .isFalse();
            } finally {
                second.close();
            }
        } finally {
            closeQuietly(session);
        }
    }

    private static void closeQuietly(Connection session) {
        try {
            session.close();
        } catch (SQLException e) {
            // ended by the orphan's shutdown
        }
    }
}
