package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.arrowsync.Application;
import org.arrowsync.support.Api;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.arrowsync.support.StatementCounter;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Concurrent triggers and a second server instance on the same database: one run, no duplicate line. */
class BillingConcurrencyIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;

    @BeforeEach
    void mapAllCustomers() {
        settings = fixture.settings();
        fixture.mapAllCustomers();
    }

    @Test
    void twoServersTriggeredTogetherRunTheMonthOnce() throws Exception {
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"latency\",\"latencyMs\":1500,\"count\":1}");
        try (ConfigurableApplicationContext second = secondInstance()) {
            Api other =
                    Api.at(((WebServerApplicationContext) second).getWebServer().getPort());
            Map<String, Object> body = fixture.period(MONTH);
            // Both triggers leave together, so the two inserts of the job row race on the coalescing key.
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService callers = Executors.newFixedThreadPool(2);
            Future<Response> first = callers.submit(() -> {
                start.await();
                return api.post("/api/admin/arrow/billing-syncs/trigger_sync/", body);
            });
            Future<Response> again = callers.submit(() -> {
                start.await();
                return other.post("/api/admin/arrow/billing-syncs/trigger_sync/", body);
            });
            Response a = first.get().expect(202);
            Response b = again.get().expect(202);
            callers.shutdown();
            assertThat(jdbc.sql("""
                            select count(*) from arrow_jobs j join arrow_settings s on s.id = j.settings_id
                            where s.uuid = ?::uuid and j.kind = 'billing_sync' and j.period = ?""")
                            .params(settings, MONTH.toString())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(a.text("uuid"))
                    .as("the second trigger joins the first run")
                    .isEqualTo(b.text("uuid"));
            assertThat(b.header("Location")).endsWith("/api/admin/arrow/jobs/" + b.text("uuid") + "/");
            JsonNode job = fixture.awaitJob(a);
            assertThat(job.get("state").asString()).isEqualTo("succeeded");
            assertThat(job.get("attempts").asInt()).isEqualTo(1);
        }
        long duplicates = jdbc.sql("""
                        select count(*) from (select t.arrow_line_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid group by 1 having count(*) > 1) d""").param(settings).query(Long.class).single();
        assertThat(duplicates).isZero();
        assertThat(fixture.emulator().stats().get("exports").get("requests").asInt())
                .isEqualTo(1);
    }

    @Test
    void listingSyncsCostsTheSameStatementsWhateverThePageSize() {
        for (YearMonth month : List.of(MONTH.minusMonths(2), MONTH.minusMonths(1), MONTH)) {
            JsonNode job = fixture.syncBilling(month);
            assertThat(job.get("state").asString()).isEqualTo("succeeded");
        }
        assertThat(Integer.parseInt(api.get("/api/admin/arrow/billing-syncs/?page_size=1")
                        .expect(200)
                        .header("X-Result-Count")))
                .as("more syncs than the larger page holds")
                .isGreaterThanOrEqualTo(10);
        assertThat(Integer.parseInt(api.get("/api/admin/arrow/billing-sync-items/?page_size=1")
                        .expect(200)
                        .header("X-Result-Count")))
                .isGreaterThanOrEqualTo(100);
        List<Long> counts = new java.util.ArrayList<>();
        for (String path : List.of(
                "/api/admin/arrow/billing-syncs/?page_size=1",
                "/api/admin/arrow/billing-syncs/?page_size=10",
                "/api/admin/arrow/billing-sync-items/?page_size=1",
                "/api/admin/arrow/billing-sync-items/?page_size=100")) {
            StatementCounter.reset();
            api.get(path).expect(200);
            counts.add(StatementCounter.requestStatements());
        }
        System.out.println("SQL statements per list request (syncs ×1, ×10, items ×1, ×100): " + counts);
        assertThat(counts.get(0)).isEqualTo(counts.get(1));
        assertThat(counts.get(2)).isEqualTo(counts.get(3));
    }

    private ConfigurableApplicationContext secondInstance() {
        HikariDataSource shared = unwrap(dataSource);
        return new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + shared.getJdbcUrl(),
                        "--spring.datasource.username=" + shared.getUsername(),
                        "--spring.datasource.password=" + shared.getPassword(),
                        "--arrowsync.admin-token=" + Api.ADMIN_TOKEN);
    }

    private static HikariDataSource unwrap(DataSource dataSource) {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
