package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A request that finds every database connection taken for the pool's whole timeout (long jobs hold them) is told the
 * database is unavailable, a 503 to retry as when PostgreSQL went away (D62), not a 500.
 */
@TestPropertySource(
        properties = {
            "spring.datasource.hikari.maximum-pool-size=3",
            "spring.datasource.hikari.connection-timeout=500ms"
        })
class PoolExhaustedIntegrationTests extends IntegrationTest {

    private static final int POOL = 3;

    @Autowired
    DataSource dataSource;

    @Test
    void aRequestThatFindsNoConnectionFreeIsA503AndTheNextOneWithOneIsServed() throws Exception {
        api.get("/api/customers/").expect(200);
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < POOL) {
                held.add(dataSource.getConnection());
            }

            Response answer = api.get("/api/customers/").expect(503);

            assertThat(answer.json().get("detail").asString())
                    .isEqualTo("The database is unavailable; try again in a moment.");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        api.get("/api/customers/").expect(200);
    }
}
