package org.arrowsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Recounts;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invoice list's and the invoice-item list's X-Result-Count read from the counts kept per month and state (D232):
 * always what counting the invoices and their items gives, after items come and go, invoices change state and are
 * deleted with their items, and once folded.
 */
class InvoiceListCountsIntegrationTests extends IntegrationTest {

    private static final YearMonth PERIOD = TestClock.closedMonth();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvoiceService service;

    @Autowired
    InvoiceRepository invoices;

    @Autowired
    InvoiceItemRepository items;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @BeforeEach
    void month() {
        fixture.settings();
        fixture.mapAllCustomers();
        fixture.syncedBilling(PERIOD);
    }

    @Test
    void theKeptCountsFollowTheInvoicesAndTheirItemsThroughStatesDeletionsAndFolds() {
        assertKeptCountsAreRecounts();

        jdbc.sql("update invoices set state = 'created' where id = (select min(invoice_id) from invoice_items)")
                .update();
        jdbc.sql("delete from invoice_items where id in (select id from invoice_items order by id desc limit 2)")
                .update();
        jdbc.sql("update customers set name = name || ' renamed' where id = (select customer_id from invoices"
                        + " order by id desc limit 1)")
                .update();
        assertKeptCountsAreRecounts();

        // an invoice deleted takes its items by cascade, after the invoice's row is gone
        jdbc.sql("delete from invoices where id = (select max(invoice_id) from invoice_items)")
                .update();
        assertKeptCountsAreRecounts();

        long deltas = Recounts.rows(jdbc, "invoice_counts");
        service.foldCounts();

        assertThat(Recounts.rows(jdbc, "invoice_counts")).isLessThan(deltas);
        assertThat(jdbc.sql("select count(*) from invoice_counts group by year, month, state having count(*) > 1")
                        .query(Long.class)
                        .list())
                .as("one row for each month and state")
                .isEmpty();
        assertKeptCountsAreRecounts();
    }

    @Test
    void theListsCountWhatTheirFiltersSelect() {
        jdbc.sql("update invoices set state = 'paid' where id = (select min(invoice_id) from invoice_items)")
                .update();
        String customer = jdbc.sql("select c.uuid::text from customers c join invoices i on i.customer_id = c.id"
                        + " where i.items > 0 order by i.id limit 1")
                .query(String.class)
                .single();
        String month = "year=" + PERIOD.getYear() + "&month=" + PERIOD.getMonthValue();
        String inMonth = "i.year = " + PERIOD.getYear() + " and i.month = " + PERIOD.getMonthValue();

        for (boolean folded : List.of(false, true)) {
            if (folded) {
                service.foldCounts();
            }
            assertInvoicesCounted("/api/invoices/", "true");
            assertInvoicesCounted("/api/invoices/?" + month, inMonth);
            assertInvoicesCounted("/api/invoices/?year=" + PERIOD.getYear(), "i.year = " + PERIOD.getYear());
            assertInvoicesCounted("/api/invoices/?state=paid", "i.state = 'paid'");
            assertInvoicesCounted("/api/invoices/?" + month + "&state=pending", inMonth + " and i.state = 'pending'");
            assertInvoicesCounted("/api/invoices/?customer_uuid=" + customer, "c.uuid = '" + customer + "'");
            assertItemsCounted("/api/invoice-items/", "true");
            assertItemsCounted("/api/invoice-items/?" + month, inMonth);
            assertItemsCounted(
                    "/api/invoice-items/?month=" + PERIOD.getMonthValue(), "i.month = " + PERIOD.getMonthValue());
            assertItemsCounted("/api/invoice-items/?year=" + (PERIOD.getYear() - 5), "false");
            assertItemsCounted(
                    "/api/invoice-items/?customer_uuid=" + customer + "&" + month,
                    "c.uuid = '" + customer + "' and " + inMonth);
        }
    }

    /** The lists' counts by month and state read the kept counts, not the invoices (D232). */
    @Test
    void aCountByMonthAndStateReadsTheKeptCounts() {
        for (String plan : List.of(
                String.join("\n", invoices.countPlan(new InvoiceService.InvoiceFilter(null, null, null, null))),
                String.join("\n", invoices.countPlan(new InvoiceService.InvoiceFilter(null, 2026, 1, "pending"))),
                String.join(
                        "\n", items.countPlan(new InvoiceService.ItemFilter(null, null, null, null, 2026, 1, null))))) {
            assertThat(plan).contains("on invoice_counts").doesNotContain("on invoices");
        }
    }

    private void assertKeptCountsAreRecounts() {
        assertThat(Recounts.differences(jdbc, """
                        select year, month, state, sum(invoices), sum(items) from invoice_counts
                        group by 1, 2, 3 having sum(invoices) <> 0 or sum(items) <> 0""", """
                        select i.year, i.month, i.state, count(*),
                               sum((select count(*) from invoice_items it where it.invoice_id = i.id))
                        from invoices i group by 1, 2, 3"""))
                .as("kept invoice counts that differ from a recount")
                .isEmpty();
    }

    private void assertInvoicesCounted(String url, String condition) {
        Recounts.assertListCount(jdbc, api, url, "invoices i join customers c on c.id = i.customer_id", condition);
    }

    private void assertItemsCounted(String url, String condition) {
        Recounts.assertListCount(jdbc, api, url, Recounts.INVOICE_ITEMS, condition);
    }
}
