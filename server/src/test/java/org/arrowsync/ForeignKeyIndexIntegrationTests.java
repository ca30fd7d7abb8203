package org.arrowsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every foreign key is backed by an index leading with its column, so deleting the row it references (an invoice item,
 * an invoice, a sync) finds the referencing rows through it instead of reading their whole table once per deleted row.
 * Only keys from tables that stay small, or to rows deleted one at a time by hand, go without.
 */
class ForeignKeyIndexIntegrationTests extends IntegrationTest {

    /** Referencing column, and why it needs no index. */
    static final List<String> UNINDEXED = List.of(
            // a project deleted by hand: one read of the items, not one per row
            "invoice_items.project_id",
            // plans and offerings are a handful, and so are the rows referencing them
            "resources.plan_id",
            "vendor_offering_mappings.offering_id",
            "vendor_offering_mappings.plan_id");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyForeignKeyOfATableThatGrowsWithArrowsLinesHasAnIndex() {
        List<String> unindexed = jdbc.sql("""
                        select c.conrelid::regclass::text || '.' || a.attname from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                        where c.contype = 'f' and c.connamespace = 'public'::regnamespace
                        and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
                        order by 1""").query(String.class).list();

        assertThat(unindexed).containsExactlyInAnyOrderElementsOf(UNINDEXED);
    }
}
