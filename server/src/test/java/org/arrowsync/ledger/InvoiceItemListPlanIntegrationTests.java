package org.arrowsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The count PostgreSQL runs for the invoice-item list on an invoice of 5,000 items. */
class InvoiceItemListPlanIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvoiceItemRepository items;

    private UUID invoice;

    @BeforeEach
    void invoice() {
        invoice = UUID.randomUUID();
        jdbc.sql("""
                        with c as (insert into customers (uuid, name, created, modified)
                                   values (gen_random_uuid(), 'Plan customer ' || gen_random_uuid(), now(), now()) returning id),
                             i as (insert into invoices (uuid, customer_id, year, month, created, modified)
                                   select ?, c.id, 2001, 1, now(), now() from c returning id)
                        insert into invoice_items (uuid, invoice_id, name, unit_price, created)
                        select gen_random_uuid(), i.id, 'Plan item ' || n, 1, now() from i cross join generate_series(1, 5000) n""").param(invoice).update();
        jdbc.sql("analyze invoice_items, invoices").update();
    }

    /** The 5,000 items would head every other test's unfiltered item list in the shared database. */
    @AfterEach
    void deleteInvoice() {
        jdbc.sql("delete from customers where id = (select customer_id from invoices where uuid = ?)")
                .param(invoice)
                .update();
    }

    @Test
    void anInvoiceIsCountedFromItsKeptCountWithoutReadingItsItems() {
        String plan = String.join(
                "\n", items.countPlan(new InvoiceService.ItemFilter(invoice, null, null, null, 2001, 1, null)));

        assertThat(plan).as(plan).contains("on invoices i").doesNotContain("on invoice_items");
    }
}
