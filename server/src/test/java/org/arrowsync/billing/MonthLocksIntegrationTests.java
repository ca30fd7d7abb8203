package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
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

/**
 * D102: a past month's sync invoices on the current month's invoices once its own are closed, so it holds the current
 * month too, after its own: it waits while the current month is held (by that month's sync, here by the test), rather
 * than locking those invoices against it in another order.
 */
class MonthLocksIntegrationTests extends IntegrationTest {

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
        YearMonth current = TestClock.currentMonth();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            licenses.lockMonthExclusive(Uuids.fromPath(settings), current);
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        String job;
        try {
            locked.await();
            job = api.post("/api/admin/arrow/billing-syncs/trigger_sync/", fixture.period(TestClock.closedMonth()))
                    .expect(202)
                    .text("uuid");
            Jobs.awaitState(api, job, "running");
            Thread.sleep(1_000);
            assertThat(api.get("/api/admin/arrow/jobs/" + job + "/").expect(200).text("state"))
                    .as("held by the current month's lock")
                    .isEqualTo("running");
        } finally {
            release.countDown();
            holder.join();
        }

        assertThat(Jobs.await(api, job).get("state").asString()).isEqualTo("succeeded");
    }
}
