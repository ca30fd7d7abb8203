package org.arrowsync.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Counts the data keeps, checked against counting the rows again. */
public final class Recounts {

    private Recounts() {}

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
