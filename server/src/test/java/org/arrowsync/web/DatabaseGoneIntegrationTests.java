package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.arrowsync.database.EmbeddedDatabase;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * With its PostgreSQL gone (stopped, crashed), the server answers every request a 503 to retry (D62), the token check
 * included, within the pool's connection timeout: no 500. A context, and a database, of its own, stopped here.
 */
@TestPropertySource(properties = "spring.datasource.hikari.connection-timeout=2000")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseGoneIntegrationTests extends IntegrationTest {

    @Autowired
    EmbeddedDatabase database;

    @Test
    void everyRequestIsA503ToRetryOnceTheDatabaseIsGone() {
        api.get("/api/customers/").expect(200);

        database.close(); // for good: a PostgreSQL that stops by itself is started again (D113)

        assertThat(api.get("/api/customers/").expect(503).text("detail"))
                .isEqualTo("The database is unavailable; try again in a moment.");
        assertThat(api.get("/health/details").expect(503).text("detail"))
                .as("the token cannot be checked either")
                .isEqualTo("The database is unavailable; try again in a moment.");
        assertThat(api.anonymous().get("/health").expect(503).text("status")).isEqualTo("DOWN");
    }
}
