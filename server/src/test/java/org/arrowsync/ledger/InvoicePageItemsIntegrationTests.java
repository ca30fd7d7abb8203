package org.arrowsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.arrowsync.shared.PageInParts;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A page of invoices embeds each invoice's items as the invoice alone answers them, however its items were read: a page
 * of forty invoices reads them in parts at once (D154), one invoice in one statement.
 */
class InvoicePageItemsIntegrationTests extends IntegrationTest {

    private static final String NAMES = "Invoice page customer ";
    private static final int INVOICES = 40;

    @Autowired
    JdbcClient jdbc;

    /** Forty invoices of a month no other test bills, with one to seven items each, written out of invoice order. */
    @BeforeEach
    void invoices() {
        jdbc.sql("""
                        with c as (insert into customers (uuid, name, created, modified)
                                   select gen_random_uuid(), ? || n, now(), now() from generate_series(1, ?) n returning id)
                        insert into invoices (uuid, customer_id, year, month, created, modified)
                        select gen_random_uuid(), c.id, 2003, 2, now(), now() from c""").params(NAMES, INVOICES).update();
        jdbc.sql("""
                        insert into invoice_items (uuid, invoice_id, name, unit_price, quantity, currency, start_date,
                                                   end_date, details, created)
                        select gen_random_uuid(), i.id, 'Line ' || n || ' of ' || c.name, 1.5 * n + i.id % 7, n,
                               'EUR', date '2003-02-01', date '2003-02-28', jsonb_build_object('n', n),
                               now() + n * interval '1 second'
                        from generate_series(7, 1, -1) n cross join invoices i join customers c on c.id = i.customer_id
                        where c.name like ? and n <= 1 + i.id % 7""").param(NAMES + "%").update();
    }

    @AfterEach
    void deleteThem() {
        jdbc.sql("delete from customers where name like ?").param(NAMES + "%").update();
    }

    @Test
    void aPageEmbedsEachInvoicesItemsAsTheInvoiceAloneAnswersThem() {
        JsonNode page = api.get("/api/invoices/?year=2003&month=2&page_size=100")
                .expect(200)
                .json();

        assertThat(page).hasSize(INVOICES);
        long items = 0;
        for (JsonNode invoice : page) {
            JsonNode alone = api.get("/api/invoices/" + invoice.get("uuid").asString() + "/")
                    .expect(200)
                    .json();
            assertThat(invoice).isEqualTo(alone);
            assertThat(uuids(invoice.get("items")))
                    .as("oldest first")
                    .containsExactlyElementsOf(
                            jdbc.sql("""
                                    select it.uuid::text from invoice_items it join invoices i on i.id = it.invoice_id
                                    where i.uuid = ?::uuid order by it.created, it.id""").param(invoice.get("uuid").asString()).query(String.class).list().stream()
                                    .map(uuid -> uuid.replace("-", ""))
                                    .toList());
            items += invoice.get("items").size();
        }
        assertThat(items)
                .isEqualTo(jdbc.sql("""
                                select count(*) from invoice_items it join invoices i on i.id = it.invoice_id
                                join customers c on c.id = i.customer_id where c.name like ?""").param(NAMES + "%").query(Long.class).single());
    }

    /**
     * D316: a page of invoices holding more items than a part of it reads together is read part by part as it is
     * written, each invoice with its items as it alone answers them: here three invoices of 8,000 items, two parts.
     */
    @Test
    void aPageOfMoreItemsThanAPartHoldsIsReadPartByPartAsEachInvoiceAnswers() {
        int invoices = 3;
        int itemsEach = 8_000;
        assertThat((long) invoices * itemsEach).isGreaterThan(PageInParts.ROWS_READ_TOGETHER);
        jdbc.sql("""
                        with c as (insert into customers (uuid, name, created, modified)
                                   select gen_random_uuid(), ? || 'large ' || n, now(), now() from generate_series(1, ?) n
                                   returning id)
                        insert into invoices (uuid, customer_id, year, month, created, modified)
                        select gen_random_uuid(), c.id, 2003, 3, now(), now() from c""").params(NAMES, invoices).update();
        jdbc.sql("""
                        insert into invoice_items (uuid, invoice_id, name, unit_price, quantity, currency, start_date,
                                                   end_date, details, created)
                        select gen_random_uuid(), i.id, 'Line ' || n, 0.01 * n, 1, 'EUR', date '2003-03-01',
                               date '2003-03-31', '{}', now() + n * interval '1 millisecond'
                        from generate_series(1, ?) n cross join invoices i where i.year = 2003 and i.month = 3""").param(itemsEach).update();

        JsonNode page = api.get("/api/invoices/?year=2003&month=3&page_size=100")
                .expect(200)
                .json();

        assertThat(page).hasSize(invoices);
        for (JsonNode invoice : page) {
            assertThat(invoice.get("items")).hasSize(itemsEach);
            assertThat(invoice)
                    .isEqualTo(api.get("/api/invoices/" + invoice.get("uuid").asString() + "/")
                            .expect(200)
                            .json());
        }
    }

    private static List<String> uuids(JsonNode items) {
        return items.valueStream().map(item -> item.get("uuid").asString()).toList();
    }
}
