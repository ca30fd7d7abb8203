package org.arrowsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What PostgreSQL runs for a page of the invoice list with 5,000 customers invoiced in a month (D140). */
class InvoiceListPlanIntegrationTests extends IntegrationTest {

    private static final String NAMES = "Invoice plan customer ";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvoiceRepository invoices;

    @BeforeEach
    void invoices() {
        jdbc.sql("""
                        with c as (insert into customers (uuid, name, created, modified)
                                   select gen_random_uuid(), ? || n, now(), now() from generate_series(1, 5000) n returning id)
                        insert into invoices (uuid, customer_id, year, month, created, modified)
                        select gen_random_uuid(), c.id, 2002, 1, now(), now() from c""").param(NAMES).update();
        jdbc.sql("analyze customers, invoices").update();
    }

    /** The 5,000 invoices would be in every other test's unfiltered invoice list in the shared database. */
    @AfterEach
    void deleteThem() {
        jdbc.sql("delete from customers where name like ?").param(NAMES + "%").update();
    }

    @Test
    void aPageIsCountedAndChosenFromTheInvoicesAloneInTheListsOrder() {
        for (InvoiceService.InvoiceFilter filter : List.of(
                new InvoiceService.InvoiceFilter(null, null, null, null),
                new InvoiceService.InvoiceFilter(null, 2002, 1, null))) {
            String count = String.join("\n", invoices.countPlan(filter));
            String page = String.join("\n", invoices.pagePlan(filter, new PageRequest(1, 100)));

            assertThat(count).as(count).doesNotContain("customers");
            assertThat(page)
                    .as(page)
                    .contains("Index Scan using invoices_list_order_idx")
                    .as("the page's invoices are chosen from the index, not by sorting them all")
                    .doesNotContain("top-N heapsort")
                    .doesNotContain("Seq Scan on customers");
        }
    }
}
