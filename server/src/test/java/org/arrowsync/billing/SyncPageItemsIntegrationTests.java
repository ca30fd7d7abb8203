package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.arrowsync.shared.PageInParts;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A page of billing syncs embeds each sync's lines as the sync alone answers them, in the order they were created. */
class SyncPageItemsIntegrationTests extends IntegrationTest {

    private static final int SYNCS = 24;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    JdbcClient jdbc;

    private String mapping;

    /** Twenty-four months of 2001 and 2002 of one mapping, with one to five lines each, written newest month first. */
    @BeforeEach
    void syncs() {
        fixture.settings();
        Map<String, String> customers = fixture.mapAllCustomers();
        mapping = fixture.mapping(customers.keySet().iterator().next());
        // a sync answers with its invoice; these share one of the customer's, of a month no other test bills
        jdbc.sql("""
                        insert into invoices (uuid, customer_id, year, month, created, modified)
                        select gen_random_uuid(), m.customer_id, 2001, 1, now(), now() from customer_mappings m
                        where m.uuid = ?::uuid""").param(mapping).update();
        jdbc.sql("""
                        insert into billing_syncs (uuid, customer_mapping_id, statement_reference, report_period, invoice_id,
                                                   created, modified)
                        select gen_random_uuid(), m.id, 'PAGE-' || n, to_char(date '2001-01-01' + (n - 1) * interval '1 month', 'YYYY-MM'),
                               i.id, now(), now()
                        from generate_series(?, 1, -1) n cross join customer_mappings m
                        join invoices i on i.customer_id = m.customer_id and i.year = 2001 and i.month = 1
                        where m.uuid = ?::uuid""").params(SYNCS, mapping).update();
        jdbc.sql("""
                        insert into billing_sync_items (uuid, billing_sync_id, arrow_line_reference, subscription_reference,
                                                        vendor_name, billed_via, created, modified)
                        select gen_random_uuid(), b.id, 'PAGE-' || b.id || '-' || n, 'SUB-' || n, 'Page vendor', 'zero', now(), now()
                        from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                        cross join generate_series(1, 5) n
                        where m.uuid = ?::uuid and b.statement_reference like 'PAGE-%' and n <= 1 + b.id % 5""").param(mapping).update();
    }

    @AfterEach
    void deleteThem() {
        jdbc.sql("""
                        delete from billing_syncs b using customer_mappings m
                        where m.id = b.customer_mapping_id and m.uuid = ?::uuid and b.statement_reference like 'PAGE-%'""").param(mapping).update();
        jdbc.sql("""
                        delete from invoices i using customer_mappings m
                        where i.customer_id = m.customer_id and m.uuid = ?::uuid and i.year = 2001 and i.month = 1""").param(mapping).update();
    }

    @Test
    void aPageEmbedsEachSyncsLinesAsTheSyncAloneAnswersThem() {
        JsonNode page = api.get("/api/admin/arrow/billing-syncs/?customer_mapping_uuid=" + mapping + "&page_size=100")
                .expect(200)
                .json();

        assertThat(page).hasSize(SYNCS);
        long lines = 0;
        for (JsonNode sync : page) {
            JsonNode alone = api.get(
                            "/api/admin/arrow/billing-syncs/" + sync.get("uuid").asString() + "/")
                    .expect(200)
                    .json();
            assertThat(sync).isEqualTo(alone);
            lines += sync.get("items").size();
        }
        assertThat(lines)
                .isEqualTo(jdbc.sql("""
                                select count(*) from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                                join customer_mappings m on m.id = b.customer_mapping_id where m.uuid = ?::uuid""").param(mapping).query(Long.class).single());
    }

    /**
     * D316: a page of syncs holding more lines than a part of it reads together is read part by part as it is written,
     * each sync with its lines as it alone answers them: here three more syncs of 8,000 lines each.
     */
    @Test
    void aPageOfMoreLinesThanAPartHoldsIsReadPartByPartAsEachSyncAnswers() {
        int linesEach = 8_000;
        assertThat(3L * linesEach).isGreaterThan(PageInParts.ROWS_READ_TOGETHER);
        jdbc.sql("""
                        insert into billing_syncs (uuid, customer_mapping_id, statement_reference, report_period, invoice_id,
                                                   created, modified)
                        select gen_random_uuid(), m.id, 'PAGE-BIG-' || n, '1999-0' || n, i.id, now(), now()
                        from generate_series(1, 3) n cross join customer_mappings m
                        join invoices i on i.customer_id = m.customer_id and i.year = 2001 and i.month = 1
                        where m.uuid = ?::uuid""").param(mapping).update();
        jdbc.sql("""
                        insert into billing_sync_items (uuid, billing_sync_id, arrow_line_reference, subscription_reference,
                                                        vendor_name, billed_via, created, modified)
                        select gen_random_uuid(), b.id, 'PAGE-BIG-' || b.id || '-' || n, 'SUB-' || n, 'Page vendor', 'zero',
                               now(), now()
                        from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                        cross join generate_series(1, ?) n
                        where m.uuid = ?::uuid and b.statement_reference like 'PAGE-BIG-%'""").params(linesEach, mapping).update();

        JsonNode page = api.get("/api/admin/arrow/billing-syncs/?customer_mapping_uuid=" + mapping + "&page_size=100")
                .expect(200)
                .json();

        assertThat(page).hasSize(SYNCS + 3);
        int large = 0;
        for (JsonNode sync : page) {
            assertThat(sync)
                    .isEqualTo(api.get("/api/admin/arrow/billing-syncs/"
                                    + sync.get("uuid").asString() + "/")
                            .expect(200)
                            .json());
            large += sync.get("items").size() == linesEach ? 1 : 0;
        }
        assertThat(large).isEqualTo(3);
    }
}
