package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * D102: a past month's sync invoices on the current month's invoices once its own are closed, so it holds the current
 * month too, after its own: it waits while the current month is held (by that month's sync, here by the test), rather
 * than locking those invoices against it in another order. D242: a sync decides which of two records of one Arrow
 * account bills a customer once it holds the month, and holds the mappings it bills against their deletion.
 */
class MonthLocksIntegrationTests extends IntegrationTest {

    private static final String TRIGGER_SYNC = "/api/admin/arrow/billing-syncs/trigger_sync/";

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    LicenseBilling licenses;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPastMonthsSyncWaitsWhileTheCurrentMonthIsHeld() throws InterruptedException {
        String settings = fixture.settings();
        fixture.mapAllCustomers();
        String job;
        try (MonthHolder holder = new MonthHolder(settings, TestClock.currentMonth())) {
            job = api.post(TRIGGER_SYNC, fixture.period(TestClock.closedMonth()))
                    .expect(202)
                    .text("uuid");
            Jobs.awaitState(api, job, "running");
            Thread.sleep(1_000);
            assertThat(api.get("/api/admin/arrow/jobs/" + job + "/").expect(200).text("state"))
                    .as("held by the current month's lock")
                    .isEqualTo("running");
        }

        assertThat(Jobs.await(api, job).get("state").asString()).isEqualTo("succeeded");
    }

    /**
     * The newer of two records of one Arrow account maps a customer the older does not, and its sync of a month waits
     * for the month (held by another run of its own, here by the test). Meanwhile the operator maps the customer in the
     * older record too, the first step of moving it there (D159), and the older record's sync of the month is queued.
     * The month is billed once, by the older record (D98): the waiting run decides only once it holds the month, and
     * the older record's run waits for it. Deciding before it held the month, the newer record's run billed the
     * customer, and the older one's, finding no syncs of it anywhere, billed it again (twice the export in this test).
     */
    @Test
    void aCustomerMappedInTheOtherRecordWhileASyncWaitsForItsMonthIsBilledOnce() throws InterruptedException {
        YearMonth month = TestClock.closedMonth();
        fixture.arrowStillValidates(month);
        String older = fixture.activeSettings();
        Map<String, String> customers = fixture.mapAllCustomers();
        String arrowReference = customers.keySet().iterator().next();
        String customer = customers.get(arrowReference);
        String mappingInOlder = "/api/admin/arrow/customer-mappings/" + fixture.mapping(arrowReference) + "/";
        api.patch(mappingInOlder, Map.of("is_active", false)).expect(200);
        String newer = fixture.otherSettingsOfTheSameAccount(Map.of("sync_enabled", true));
        api.post(
                        "/api/admin/arrow/customer-mappings/",
                        Map.of(
                                "settings", newer,
                                "arrow_reference", arrowReference,
                                "arrow_company_name", "The same customer",
                                "waldur_customer", customer))
                .expect(201);

        String newerJob;
        String olderJob;
        try (MonthHolder holder = new MonthHolder(newer, month)) {
            newerJob = api.post(TRIGGER_SYNC, fixture.period(month, newer))
                    .expect(202)
                    .text("uuid");
            Jobs.awaitState(api, newerJob, "running");
            Thread.sleep(1_000);
            api.patch(mappingInOlder, Map.of("is_active", true)).expect(200);
            olderJob = api.post(TRIGGER_SYNC, fixture.period(month, older))
                    .expect(202)
                    .text("uuid");
            Jobs.awaitState(api, olderJob, "running");
            Thread.sleep(2_000);
        }
        JsonNode newerRun = Jobs.await(api, newerJob);
        JsonNode olderRun = Jobs.await(api, olderJob);

        String runs = newerRun + " / " + olderRun;
        assertThat(newerRun.get("state").asString()).as(runs).isEqualTo("succeeded");
        assertThat(olderRun.get("state").asString()).as(runs).isEqualTo("succeeded");
        assertThat(newerRun.get("errors").toString()).as(runs).contains("left out of this run (D98)");
        assertThat(fixture.arrowCharges(customer, month))
                .as(runs)
                .isEqualByComparingTo(fixture.exportSell(month, arrowReference));
    }

    /**
     * A mapping deleted while a first sync of its month waits for the month, before the run holds its mappings: the run
     * bills the other customers and names the one deleted. It read the mapping before it waited, and the first sync of
     * the deleted customer's lines failed on its foreign key, the whole month with it.
     */
    @Test
    void aMappingDeletedWhileASyncWaitsForTheMonthIsLeftOutOfIt() throws InterruptedException {
        YearMonth month = TestClock.closedMonth();
        String settings = fixture.settings();
        Map<String, String> customers = fixture.mapAllCustomers();
        String deleted = customers.keySet().iterator().next();
        String job;
        try (MonthHolder holder = new MonthHolder(settings, month)) {
            job = api.post(TRIGGER_SYNC, fixture.period(month)).expect(202).text("uuid");
            Jobs.awaitState(api, job, "running");
            Thread.sleep(1_000);
            api.delete("/api/admin/arrow/customer-mappings/" + fixture.mapping(deleted) + "/")
                    .expect(204);
        }

        JsonNode run = Jobs.await(api, job);
        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("errors").toString())
                .as(run.toString())
                .contains("Mapping of Arrow customer " + deleted, "was deleted as the run began");
        assertThat(fixture.arrowCharges(customers.get(deleted), month)).isZero();
        customers.entrySet().stream()
                .filter(customer -> !customer.getKey().equals(deleted))
                .forEach(customer -> assertThat(fixture.arrowCharges(customer.getValue(), month))
                        .as(customer.getKey())
                        .isEqualByComparingTo(fixture.exportSell(month, customer.getKey())));
    }

    /**
     * A mapping a running sync bills cannot be deleted under it: the deletion waits a few seconds for the run, then is
     * refused as in use (409), and the run bills the customer. It was deleted at once, its syncs not written yet, and
     * the run failed on its foreign key.
     */
    @Test
    void aMappingARunningSyncBillsIsNotDeletedUnderIt() throws InterruptedException {
        YearMonth month = TestClock.closedMonth();
        fixture.settings();
        Map<String, String> customers = fixture.mapAllCustomers();
        String kept = customers.keySet().iterator().next();
        // the run holds its mappings, then waits for Arrow's first page
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"latency\",\"latencyMs\":12000,\"count\":1}");
        String job = api.post(TRIGGER_SYNC, fixture.period(month)).expect(202).text("uuid");
        awaitMappingsHeld();

        Response refused = api.delete("/api/admin/arrow/customer-mappings/" + fixture.mapping(kept) + "/");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.text("error")).contains("uses this object", "try again once it has ended");
        JsonNode run = Jobs.await(api, job);
        fixture.emulator().clearFaults();
        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(fixture.arrowCharges(customers.get(kept), month))
                .isEqualByComparingTo(fixture.exportSell(month, kept));
        api.delete("/api/admin/arrow/customer-mappings/" + fixture.mapping(kept) + "/")
                .expect(409);
    }

    /** Waits until another session holds rows of the mappings for a billing run (a table-level row-share lock). */
    private void awaitMappingsHeld() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (jdbc.sql("""
                            select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                            where c.relname = 'customer_mappings' and l.mode = 'RowShareLock' and l.granted
                            and l.pid <> pg_backend_pid()""").query(Long.class).single() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no run held the mappings within 10 s");
    }

    /** A settings record's month held by another transaction, as another run of it holds it, until closed. */
    private final class MonthHolder implements AutoCloseable {

        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread thread;

        MonthHolder(String settings, YearMonth month) throws InterruptedException {
            CountDownLatch locked = new CountDownLatch(1);
            thread = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                licenses.lockMonthExclusive(Uuids.fromPath(settings), month);
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            thread.start();
            locked.await();
        }

        @Override
        public void close() throws InterruptedException {
            release.countDown();
            thread.join();
        }
    }
}
