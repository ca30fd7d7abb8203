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
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * D102: a past month's sync invoices on the current month's invoices once its own are closed, so it holds the current
 * month too, after its own: it waits while the current month is held (by that month's sync, here by the test), rather
 * than locking those invoices against it in another order. D242: a sync decides which of two records of one Arrow
 * account bills a customer once it holds the month.
 */
class MonthLocksIntegrationTests extends IntegrationTest {

    private static final String TRIGGER_SYNC = "/api/admin/arrow/billing-syncs/trigger_sync/";

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    LicenseBilling licenses;

    @Autowired
    PlatformTransactionManager transactions;

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
