package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.arrowsync.emulator.data.Presets;
import org.arrowsync.emulator.data.ScaleOptions;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.ServerProcess;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A server killed hard in the middle of a billing sync: nothing of the month is half-written, and the restarted server
 * revives the job and leaves the ledger a clean run leaves: every line once, every customer to the cent.
 */
class BillingCrashIntegrationTests {

    static final YearMonth MONTH = TestClock.closedMonth();

    @TempDir
    Path folder;

    /** 2,500 lines over ten customers. */
    static final ScaleOptions SCALE =
            ScaleOptions.demo().withCustomers(10).withLicensesPerCustomer(5).withLinesPerLicense(50);

    @Test
    void aSyncKilledMidwayEndsLikeACleanRunAfterRestart() throws Exception {
        ServerProcess first = ServerProcess.start(folder, "first");
        try (ArrowFixture fixture = ArrowFixture.on(
                first, Emulator.options().withPreset(Presets.SCALE).withScale(SCALE))) {
            String job;
            Map<String, String> customers;
            try {
                customers = fixture.mapAllCustomers();
                fixture.emulator()
                        .fault("{\"family\":\"exports\",\"kind\":\"latency\",\"latencyMs\":1500,\"probability\":1.0}");
                job = first.api()
                        .post("/api/admin/arrow/billing-syncs/trigger_sync/", fixture.period(MONTH))
                        .expect(202)
                        .text("uuid");
                fixture.emulator().awaitRequests("exports", 2, Duration.ofSeconds(60));
            } finally {
                first.kill();
            }
            assertThat(first.jdbc()
                            .sql("select count(*) from billing_sync_items")
                            .query(Long.class)
                            .single())
                    .as("a killed run leaves no half-written month")
                    .isZero();
            fixture.emulator().clearFaults();

            succeedsOnASecondServer(job, (second, finished) -> {
                assertThat(finished.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
                assertEndsLikeACleanRun(second.jdbc(), fixture, customers);
            });
        }
    }

    /**
     * What a PostgreSQL restart does to a running sync, without the restart: every connection of the server is ended
     * while the sync waits for Arrow. The job says nothing of a failure: it runs again and ends like a clean run.
     */
    @Test
    void aSyncWhoseDatabaseConnectionsAreCutRunsAgainAndEndsLikeACleanRun() throws Exception {
        ServerProcess server = ServerProcess.start(folder, "server", "--arrowsync.jobs.retry-delay=1s");
        try (ArrowFixture fixture = ArrowFixture.on(
                server, Emulator.options().withPreset(Presets.SCALE).withScale(SCALE))) {
            Map<String, String> customers = fixture.mapAllCustomers();
            fixture.emulator()
                    .fault("{\"family\":\"exports\",\"kind\":\"latency\",\"latencyMs\":1500,\"probability\":1.0}");
            String job = server.api()
                    .post("/api/admin/arrow/billing-syncs/trigger_sync/", fixture.period(MONTH))
                    .expect(202)
                    .text("uuid");
            fixture.emulator().awaitRequests("exports", 2, Duration.ofSeconds(60));
            assertThat(server.cutDatabaseConnections()).as("connections ended").isPositive();
            fixture.emulator().clearFaults();

            JsonNode finished = Jobs.await(server.api(), job);
            assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("succeeded");
            assertThat(finished.get("attempts").asInt()).as("run again").isEqualTo(2);
            assertEndsLikeACleanRun(server.jdbc(), fixture, customers);
        } finally {
            server.close();
        }
    }

    /**
     * D265: a server lost as a reconciliation's job is marked finished says, once restarted, what the reconciliation
     * booked: the job was marked in its own transaction after the booking's commit, so the job ran again, found nothing
     * left to book and reported none. The server is killed at the moment its job is first marked finished, whichever
     * transaction marks it (a trigger holds that statement).
     */
    @Test
    void aReconciliationWhoseServerIsLostAsItsJobIsMarkedFinishedSaysWhatItBooked() throws Exception {
        reconciliationLostAt(
                "before update on arrow_jobs for each row when (old.finished is null and new.finished is not null"
                        + " and new.kind = 'billing_reconciliation')",
                (second, finished) -> {});
    }

    /**
     * D269: a server lost as the reconciliation's webhook event is recorded tells, once restarted, of what it booked:
     * the event was recorded after the booking's commit, so the rerun, finding nothing left to book, told of nothing.
     */
    @Test
    void aReconciliationWhoseServerIsLostAsItsEventIsRecordedTellsOfWhatItBooked() throws Exception {
        reconciliationLostAt(
                "before insert on webhook_deliveries for each row when (new.event_type = 'reconciliation.booked')",
                (second, finished) -> assertThat(second.jdbc()
                                .sql(
                                        "select count(*) from webhook_deliveries where event_type = 'reconciliation.booked'")
                                .query(Long.class)
                                .single())
                        .as("the booking told of once")
                        .isOne());
    }

    /**
     * A reconciliation of one changed line on a closed invoice whose server is killed while a trigger ({@code held}:
     * its timing, table and condition) holds a statement; a second server revives it, which ends having booked the line
     * once and saying so, and {@code check} looks at what else it left. A webhook is subscribed to the bookings.
     */
    private void reconciliationLostAt(String held, BiConsumer<ServerProcess, JsonNode> check) throws Exception {
        ServerProcess first = ServerProcess.start(folder, "first");
        try (ArrowFixture fixture = ArrowFixture.on(first, Emulator.options())) {
            Map<String, String> customers = fixture.mapAllCustomers();
            fixture.syncedBilling(MONTH);
            String customerRef = customers.keySet().iterator().next();
            fixture.closeInvoice(customers.get(customerRef), MONTH);
            fixture.emulator()
                    .changeSell(fixture.lineReferences(customerRef, "invoice").get(0), "999.12345");
            subscribe(first, "reconciliation.booked");
            String job = lostAt(
                    first,
                    held,
                    () -> first.api()
                            .post("/api/admin/arrow/billing-syncs/reconcile/", fixture.period(MONTH))
                            .expect(202)
                            .text("uuid"));

            succeedsOnASecondServer(job, (second, finished) -> {
                assertThat(finished.get("result").get("compensations").asInt())
                        .as("what the reconciliation booked: %s", finished)
                        .isEqualTo(1);
                assertThat(second.jdbc()
                                .sql("select count(*) from billing_sync_items where compensation_item_id is not null")
                                .query(Long.class)
                                .single())
                        .as("booked once")
                        .isOne();
                check.accept(second, finished);
            });
        }
    }

    /**
     * D289: a server lost as a validation's webhook event is recorded tells, once restarted, that the month was
     * validated: the event was recorded after the validation's commit, so the rerun found the syncs validated already
     * and told of nothing.
     */
    @Test
    void aValidationWhoseServerIsLostAsItsEventIsRecordedTellsOfIt() throws Exception {
        ServerProcess first = ServerProcess.start(folder, "first");
        try (ArrowFixture fixture = ArrowFixture.on(first, Emulator.options())) {
            fixture.mapAllCustomers();
            fixture.arrowStillValidates(MONTH);
            fixture.syncedBilling(MONTH);
            fixture.emulator().setClock(TestClock.now()); // Arrow validates the month now
            subscribe(first, "billing.validated");

            String job = lostAt(
                    first,
                    "before insert on webhook_deliveries for each row when (new.event_type = 'billing.validated')",
                    () -> first.api()
                            .post("/api/admin/arrow/billing-syncs/trigger_sync/", fixture.period(MONTH))
                            .expect(202)
                            .text("uuid"));

            succeedsOnASecondServer(job, (second, finished) -> {
                assertThat(second.jdbc()
                                .sql("select count(*) from billing_syncs where state = 3")
                                .query(Long.class)
                                .single())
                        .as("the month validated")
                        .isPositive();
                assertThat(second.jdbc()
                                .sql("select count(*) from webhook_deliveries where event_type = 'billing.validated'")
                                .query(Long.class)
                                .single())
                        .as("the validation told of once")
                        .isOne();
            });
        }
    }

    /** Subscribes a webhook to the event type, so that the server records each such event as a delivery. */
    private static void subscribe(ServerProcess server, String eventType) {
        server.api()
                .post(
                        "/api/admin/webhooks/",
                        Map.of(
                                "url",
                                "https://alerts.example/arrowsync",
                                "event_types",
                                List.of(eventType),
                                "secret",
                                "a-secret-of-some-length"))
                .expect(201);
    }

    /**
     * Starts a job ({@code start}: its uuid) and kills the server while a trigger ({@code held}: its timing, table and
     * condition) holds one of its statements; the held statement's session is ended and the trigger dropped.
     */
    private static String lostAt(ServerProcess first, String held, Supplier<String> start) throws Exception {
        first.jdbc().sql("""
                        create function hold_it() returns trigger language plpgsql as $$
                        begin perform pg_sleep(300); return new; end $$""").update();
        first.jdbc()
                .sql("create trigger hold_it " + held + " execute function hold_it()")
                .update();
        String job;
        try {
            job = start.get();
            awaitHeldStatement(first.jdbc());
        } finally {
            first.kill();
        }
        first.jdbc()
                .sql("select pg_terminate_backend(pid) from pg_stat_activity where wait_event = 'PgSleep'")
                .query()
                .listOfRows();
        first.jdbc().sql("drop function hold_it() cascade").update();
        return job;
    }

    /** Starts a second server on the first's folder, awaits the job it revives to succeed and checks what it left. */
    private void succeedsOnASecondServer(String job, BiConsumer<ServerProcess, JsonNode> check) throws Exception {
        ServerProcess second = ServerProcess.start(folder, "second");
        try {
            JsonNode finished = Jobs.await(second.api(), job);
            assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("succeeded");
            check.accept(second, finished);
        } finally {
            second.close();
        }
    }

    private static void awaitHeldStatement(JdbcClient jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jdbc.sql("select count(*) from pg_stat_activity where wait_event = 'PgSleep'")
                        .query(Long.class)
                        .single()
                == 0) {
            assertThat(System.nanoTime()).as("the job's finish held").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Every line of the month once, every customer billed Arrow's export total to the cent. */
    private static void assertEndsLikeACleanRun(JdbcClient jdbc, ArrowFixture fixture, Map<String, String> customers) {
        JsonNode summary = fixture.emulator().summary(MONTH).get("customers");
        long lines = 0;
        for (Map.Entry<String, String> customer : customers.entrySet()) {
            lines += summary.get(customer.getKey()).get("lines").asLong();
            BigDecimal billed = jdbc.sql("""
                            select coalesce(sum(it.unit_price * it.quantity), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                            join customers c on c.id = i.customer_id where c.uuid = ?::uuid""")
                    .param(customer.getValue())
                    .query(BigDecimal.class)
                    .single();
            assertThat(billed)
                    .isEqualByComparingTo(new BigDecimal(
                            summary.get(customer.getKey()).get("sell").asString()));
        }
        assertThat(jdbc.sql("select count(*) from billing_sync_items")
                        .query(Long.class)
                        .single())
                .isEqualTo(lines);
    }
}
