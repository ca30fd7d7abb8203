package org.arrowsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Counts the data keeps, checked against counting the rows again. */
public final class Recounts {

    /** The invoice items with their invoices and customers, as the invoice-item list filters them. */
    public static final String INVOICE_ITEMS =
            "invoice_items it join invoices i on i.id = it.invoice_id join customers c on c.id = i.customer_id";

    private Recounts() {}

    /** A list's {@code X-Result-Count} is what counting the rows of {@code from} the condition selects gives. */
    public static void assertListCount(JdbcClient jdbc, Api api, String url, String from, String condition) {
        long counted = jdbc.sql("select count(*) from " + from + " where " + condition)
                .query(Long.class)
                .single();
        assertThat(api.get(url).expect(200).header("X-Result-Count")).as(url).isEqualTo(Long.toString(counted));
    }

    /** How many rows a table of count deltas holds: fewer once folded. */
    public static long rows(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /**
     * The rows one query gives and the other does not, either way, each as PostgreSQL writes a row: none where the kept
     * counts and the recount agree, row for row. Both queries give the same columns in the same order.
     */
    public static List<String> differences(JdbcClient jdbc, String kept, String recounted) {
        return jdbc.sql(differences(kept, recounted)).query(String.class).list();
    }

    /** The statement {@link #differences(JdbcClient, String, String)} runs, for a caller that binds parameters. */
    public static String differences(String kept, String recounted) {
        return "select d::text from (((" + kept + ") except all (" + recounted + ")) union all ((" + recounted
                + ") except all (" + kept + "))) d";
    }
}
